package io.prodline.data.drift;

import io.prodline.data.stats.HistogramBucket;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.NumericStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Two numeric distributions on common bins: both equi-width histograms re-bucketed onto the union of their
 * boundaries, assuming uniform density inside each original bucket (a bucket of zero width, a constant
 * feature, is a point mass and goes to the union bucket holding its value), followed by one bin per special
 * value (NaN, +inf, -inf) with its count. Each side is normalised by its histogram total plus its special
 * values, i.e. by its non-missing values.
 */
final class UnionHistograms {
  private UnionHistograms() {}

  static List<ComparedBucket> of(NumericStatistics baseline, NumericStatistics current) {
    List<HistogramBucket> a = baseline.quantiles().equiWidthHistogram();
    List<HistogramBucket> b = current.quantiles().equiWidthHistogram();
    TreeSet<Double> edges = new TreeSet<>();
    for (List<HistogramBucket> h : List.of(a, b)) {
      for (HistogramBucket bucket : h) {
        edges.add(bucket.lowValue());
        edges.add(bucket.highValue());
      }
    }
    double[] bounds = edges.stream().mapToDouble(Double::doubleValue).toArray();
    double[] pa = rebucket(a, bounds);
    double[] pb = rebucket(b, bounds);
    double totalA = total(pa, baseline.moments());
    double totalB = total(pb, current.moments());
    List<ComparedBucket> bins = new ArrayList<>();
    for (int s = 0; s < pa.length; s++) {
      double low = bounds.length == 1 ? bounds[0] : bounds[s];
      double high = bounds.length == 1 ? bounds[0] : bounds[s + 1];
      bins.add(new ComparedBucket(low, high, null, pa[s] / totalA, pb[s] / totalB));
    }
    for (SpecialValue special : SpecialValue.values()) {
      long ca = count(baseline.moments(), special);
      long cb = count(current.moments(), special);
      if (ca + cb > 0) {
        bins.add(new ComparedBucket(null, null, special, ca / totalA, cb / totalB));
      }
    }
    return bins;
  }

  /** Masses of the union buckets (bounds[s], bounds[s+1]]; one bucket when there is a single bound. */
  static double[] rebucket(List<HistogramBucket> histogram, double[] bounds) {
    double[] masses = new double[Math.max(1, bounds.length - 1)];
    for (HistogramBucket bucket : histogram) {
      double width = bucket.highValue() - bucket.lowValue();
      if (width == 0) {
        masses[pointBucket(bucket.lowValue(), bounds)] += bucket.sampleCount();
        continue;
      }
      int end = Arrays.binarySearch(bounds, bucket.highValue());
      for (int s = Arrays.binarySearch(bounds, bucket.lowValue()); s < end; s++) {
        masses[s] += bucket.sampleCount() * (bounds[s + 1] - bounds[s]) / width;
      }
    }
    return masses;
  }

  /** The union bucket (bounds[s], bounds[s+1]] holding {@code value}; the first bucket also holds bounds[0]. */
  private static int pointBucket(double value, double[] bounds) {
    return Math.max(0, Arrays.binarySearch(bounds, value) - 1);
  }

  private static double total(double[] finite, MomentStatistics m) {
    double sum = m.numNan() + m.numPositiveInfinity() + m.numNegativeInfinity();
    for (double c : finite) {
      sum += c;
    }
    return sum;
  }

  private static long count(MomentStatistics m, SpecialValue special) {
    return switch (special) {
      case NAN -> m.numNan();
      case POSITIVE_INFINITY -> m.numPositiveInfinity();
      case NEGATIVE_INFINITY -> m.numNegativeInfinity();
    };
  }
}
