package io.prodline.data.stats;

import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

import io.prodline.core.frame.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * Quantiles, an equi-width histogram and a quantile (equal-mass) histogram of the finite values of a numeric
 * column, from a {@link KllDoublesSketch}; NaN and infinities are skipped, weights ignored.
 *
 * <p>Memory is O(k log(n/k)) doubles. With probability 99%, a reported quantile's true rank is within
 * {@code getNormalizedRankError(false)} of the requested rank (about 1.33% for k = 200) and a histogram
 * bucket's count is within {@code getNormalizedRankError(true) * n} (about 1.65% of n for k = 200); the
 * result records both. Merging in any order keeps these bounds.
 *
 * <p>The equi-width histogram cannot be built while adding, because min and max are only known at the end: at
 * {@link #result()} it takes the sketch's exact min and max, splits the range into equal-width buckets and
 * reads each bucket's mass from the sketch's PMF.
 */
public final class QuantilesCombiner implements Combiner<QuantilesCombiner, QuantileStatistics> {
  static {
    SketchMemory.ready(); // before any sketch, on every Java release
  }

  private static final int VERSION = 1;

  private final int equiWidthBuckets;
  private final int quantileBuckets;
  private final KllDoublesSketch sketch;

  private QuantilesCombiner(int equiWidthBuckets, int quantileBuckets, KllDoublesSketch sketch) {
    this.equiWidthBuckets = equiWidthBuckets;
    this.quantileBuckets = quantileBuckets;
    this.sketch = sketch;
  }

  /** An empty combiner with KLL parameter {@code k} and the given histogram bucket counts. */
  public static QuantilesCombiner create(int k, int equiWidthBuckets, int quantileBuckets) {
    StatisticsOptions.checkRange("kll_k", k, 8, 65535);
    StatisticsOptions.checkRange("histogram_buckets", equiWidthBuckets, 1, 10_000);
    StatisticsOptions.checkRange("quantile_buckets", quantileBuckets, 1, 10_000);
    return new QuantilesCombiner(equiWidthBuckets, quantileBuckets, KllDoublesSketch.newHeapInstance(k));
  }

  @Override
  public void add(Column column, Weights weights) {
    add(NumericValues.of(column, weights));
  }

  /** Adds one batch's finite values in one array update of the sketch. */
  void add(NumericValues values) {
    int n = values.count();
    double[] finite = values.array();
    if (!allFinite(finite, n)) {
      finite = new double[n];
      n = 0;
      for (int i = 0; i < values.count(); i++) {
        if (Double.isFinite(values.value(i))) {
          finite[n++] = values.value(i);
        }
      }
    }
    if (n > 0) {
      sketch.update(finite, 0, n);
    }
  }

  private static boolean allFinite(double[] values, int n) {
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) {
        return false;
      }
    }
    return true;
  }

  /** Merges; both combiners must have the same bucket counts (their k may differ). */
  @Override
  public void merge(QuantilesCombiner other) {
    if (other.equiWidthBuckets != equiWidthBuckets || other.quantileBuckets != quantileBuckets) {
      throw new IllegalArgumentException("cannot merge quantiles with " + other.equiWidthBuckets + "/"
          + other.quantileBuckets + " histogram buckets into " + equiWidthBuckets + "/" + quantileBuckets);
    }
    sketch.merge(other.sketch);
  }

  @Override
  public QuantileStatistics result() {
    int k = sketch.getK();
    double rankError = sketch.getNormalizedRankError(false);
    double pmfError = sketch.getNormalizedRankError(true);
    if (sketch.isEmpty()) {
      return new QuantileStatistics(k, rankError, pmfError, null, List.of(), List.of(), List.of(), null);
    }
    double[] ranks = new double[quantileBuckets + 1];
    for (int j = 0; j <= quantileBuckets; j++) {
      ranks[j] = (double) j / quantileBuckets;
    }
    double[] values = sketch.getQuantiles(ranks, INCLUSIVE);
    List<Quantile> quantiles = new ArrayList<>(ranks.length);
    List<HistogramBucket> quantileHistogram = new ArrayList<>(quantileBuckets);
    double perBucket = (double) sketch.getN() / quantileBuckets;
    for (int j = 0; j <= quantileBuckets; j++) {
      quantiles.add(new Quantile(ranks[j], values[j]));
      if (j > 0) {
        quantileHistogram.add(new HistogramBucket(values[j - 1], values[j], perBucket));
      }
    }
    DoublesSortedView view = sketch.getSortedView();
    return new QuantileStatistics(k, rankError, pmfError, sketch.getQuantile(0.5, INCLUSIVE), quantiles,
        equiWidthHistogram(), quantileHistogram,
        CumulativeCounts.of(view.getQuantiles(), view.getCumulativeWeights(), sketch.isEstimationMode()));
  }

  private List<HistogramBucket> equiWidthHistogram() {
    double min = sketch.getMinItem();
    double max = sketch.getMaxItem();
    List<Double> edges = new ArrayList<>(equiWidthBuckets + 1);
    edges.add(min);
    for (int i = 1; i < equiWidthBuckets; i++) {
      double edge = min + (max - min) * i / equiWidthBuckets;
      if (edge > edges.get(edges.size() - 1) && edge < max) {
        edges.add(edge);
      }
    }
    double[] splits = new double[edges.size() - 1];
    for (int i = 0; i < splits.length; i++) {
      splits[i] = edges.get(i + 1);
    }
    edges.add(max);
    double[] masses = splits.length == 0 ? new double[] {1.0} : sketch.getPMF(splits, INCLUSIVE);
    List<HistogramBucket> buckets = new ArrayList<>(masses.length);
    for (int i = 0; i < masses.length; i++) {
      // The PMF is a whole retained weight divided by n; rounding undoes the division's rounding error.
      buckets.add(new HistogramBucket(edges.get(i), edges.get(i + 1), Math.rint(masses[i] * sketch.getN())));
    }
    return buckets;
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.QUANTILES, VERSION)
        .writeInt(equiWidthBuckets).writeInt(quantileBuckets).writeBytes(sketch.toByteArray())
        .toByteArray();
  }

  public static QuantilesCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.QUANTILES, VERSION);
    int equiWidthBuckets = in.readInt();
    int quantileBuckets = in.readInt();
    KllDoublesSketch sketch = KllDoublesSketch.heapify(Memory.wrap(in.readBytes()));
    in.end();
    return new QuantilesCombiner(equiWidthBuckets, quantileBuckets, sketch);
  }
}
