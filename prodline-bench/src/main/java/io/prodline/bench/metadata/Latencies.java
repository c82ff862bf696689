package io.prodline.bench.metadata;

import java.util.Arrays;

/** Wall times of repeated queries, summarised as the median and the 99th percentile in milliseconds. */
final class Latencies {
  private final long[] nanos;
  private int count;

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  void add(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  @Override
  public String toString() {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    return String.format("median %.3f ms, p99 %.3f ms, max %.3f ms over %d queries", millis(sorted, 0.50),
        millis(sorted, 0.99), sorted[count - 1] / 1e6, count);
  }

  /** Nearest-rank percentile. */
  private static double millis(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(rank - 1, 0)] / 1e6;
  }
}
