package io.prodline.pipeline.components;

import java.util.Arrays;

/** Percentiles by the nearest-rank rule: always one of the measured values, never an interpolation. */
final class Percentile {
  private Percentile() {}

  /** The smallest value with at least {@code fraction} of the values at or below it; 0 for no values. */
  static long nearestRank(long[] values, double fraction) {
    if (values.length == 0) {
      return 0;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(fraction * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
