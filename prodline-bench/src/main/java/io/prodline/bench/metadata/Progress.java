package io.prodline.bench.metadata;

/**
 * Prints how far filling the store has got every {@value #EVERY} executions, with the rate over that stretch,
 * so a slowdown as the store grows shows; then the overall rate.
 */
final class Progress {
  private static final long EVERY = 10_000;
  private final long total;
  private final long started = System.nanoTime();
  private long stretchStarted = started;

  Progress(long total) {
    this.total = total;
  }

  synchronized void recorded(long count) {
    if (count % EVERY != 0) {
      return;
    }
    long now = System.nanoTime();
    System.out.printf("  %,d / %,d executions (%,d artifacts), %.0f s, last %,d at %.0f executions/s%n", count,
        total, count * Workload.OUTPUTS, (now - started) / 1e9, EVERY, EVERY / ((now - stretchStarted) / 1e9));
    stretchStarted = now;
  }

  void done() {
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("recorded %,d executions and %,d artifacts in %.1f s: %.0f executions/s, %.0f artifacts/s%n",
        total, total * Workload.OUTPUTS, seconds, total / seconds, total * Workload.OUTPUTS / seconds);
  }
}
