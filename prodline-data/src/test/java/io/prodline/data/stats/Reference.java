package io.prodline.data.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Exact two-pass reference statistics, written the way numpy computes them (population std, ddof=0). */
final class Reference {
  private Reference() {}

  /** The finite values among {@code values} (nulls given as null). */
  static double[] finite(List<Double> values) {
    return values.stream().filter(v -> v != null && Double.isFinite(v)).mapToDouble(Double::doubleValue).toArray();
  }

  static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  static double std(double[] x) {
    double m = mean(x);
    double squares = 0;
    for (double v : x) {
      squares += (v - m) * (v - m);
    }
    return Math.sqrt(squares / x.length);
  }

  static double weightedMean(double[] x, double[] w) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      sum += w[i] * x[i];
      total += w[i];
    }
    return sum / total;
  }

  static double weightedStd(double[] x, double[] w) {
    double m = weightedMean(x, w);
    double squares = 0;
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      squares += w[i] * (x[i] - m) * (x[i] - m);
      total += w[i];
    }
    return Math.sqrt(squares / total);
  }

  /** Fraction of {@code sorted} values <= {@code q}: the inclusive normalized rank. */
  static double rank(double[] sorted, double q) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= q) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) lo / sorted.length;
  }

  /**
   * How far the requested normalized rank lies from the ranks that {@code value} holds in {@code sorted}: with
   * ties, a value occupies the whole interval (rank of the values below it, inclusive rank of it].
   */
  static double rankDistance(double[] sorted, double value, double rank) {
    double above = rank(sorted, value);
    double below = rank(sorted, Math.nextDown(value));
    return Math.max(0, Math.max(below - rank, rank - above));
  }

  static double[] sorted(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    return s;
  }

  static List<Double> boxed(double... values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
