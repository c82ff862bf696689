package io.prodline.data.drift;

import io.prodline.data.stats.Quantile;
import io.prodline.data.stats.QuantileStatistics;
import java.util.Arrays;
import java.util.List;

/**
 * A distribution known through its quantiles {@code q_i} at ranks {@code i/B}, i = 0..B (inclusive definition:
 * {@code q_i} is the smallest value whose CDF is at least i/B), read as step functions:
 *
 * <ul>
 *   <li>CDF: {@code L(x) = max{ i/B : q_i <= x }}, so {@code L(x) = floor(B F(x)) / B}: within 1/B below the
 *       true CDF F, and equal to it when B is a multiple of the sample size;
 *   <li>quantile function: {@code Q(u) = q_i} for u in ((i-1)/B, i/B], exact when B is a multiple of the
 *       sample size, otherwise off by at most one step, which integrates to at most (max - min)/B.
 * </ul>
 *
 * Sketched quantiles add their rank error: each {@code q_i}'s true rank is within {@code epsilon} of i/B.
 */
final class QuantileSteps {
  private final double[] values;
  private final int buckets;
  private final double rankError;

  private QuantileSteps(double[] values, double rankError) {
    this.values = values;
    this.buckets = values.length - 1;
    this.rankError = rankError;
  }

  /** Steps of a sketch's quantiles; at least two quantiles (ranks 0 and 1) are required. */
  static QuantileSteps of(QuantileStatistics statistics) {
    List<Quantile> quantiles = statistics.quantiles();
    if (quantiles.size() < 2) {
      throw new IllegalArgumentException("need quantiles at ranks 0 and 1, got " + quantiles.size());
    }
    return new QuantileSteps(quantiles.stream().mapToDouble(Quantile::value).toArray(),
        statistics.normalizedRankError());
  }

  int buckets() {
    return buckets;
  }

  double rankError() {
    return rankError;
  }

  double range() {
    return values[buckets] - values[0];
  }

  /** {@code L(x)}: the largest rank i/B whose quantile is at most x, 0 below the minimum. */
  double cdf(double x) {
    int count = upperBound(x);
    return count == 0 ? 0 : (double) (count - 1) / buckets;
  }

  /** Number of quantile values <= x. */
  private int upperBound(double x) {
    int i = Arrays.binarySearch(values, x);
    if (i < 0) {
      return -i - 1;
    }
    while (i + 1 < values.length && values[i + 1] == x) {
      i++;
    }
    return i + 1;
  }

  /** The largest |L_a(x) - L_b(x)| over the quantile values of both: the sup over all x of the step CDFs. */
  static double maxCdfDistance(QuantileSteps a, QuantileSteps b) {
    double max = 0;
    for (QuantileSteps side : List.of(a, b)) {
      for (double x : side.values) {
        max = Math.max(max, Math.abs(a.cdf(x) - b.cdf(x)));
      }
    }
    return max;
  }

  /**
   * {@code integral_0^1 |Q_a(u) - Q_b(u)| du} of the step quantile functions, exactly, by walking the merged
   * rank grids i/B_a and j/B_b in integer arithmetic.
   */
  static double quantileDistance(QuantileSteps a, QuantileSteps b) {
    long ba = a.buckets;
    long bb = b.buckets;
    double sum = 0;
    double previous = 0;
    int i = 1;
    int j = 1;
    while (i <= ba && j <= bb) {
      long cross = i * bb - j * ba; // sign of i/ba - j/bb
      double next = cross <= 0 ? (double) i / ba : (double) j / bb;
      sum += (next - previous) * Math.abs(a.values[i] - b.values[j]);
      previous = next;
      if (cross <= 0) {
        i++;
      }
      if (cross >= 0) {
        j++;
      }
    }
    return sum;
  }
}
