package io.prodline.serving.testing;

import java.util.function.BooleanSupplier;

/**
 * Waits for something a background thread does (a log line written, a request reaching the model). The limit is
 * generous and only stops a broken test from hanging; no test asserts how long anything took.
 */
public final class Eventually {
  private static final long LIMIT_NANOS = 30_000_000_000L;

  private Eventually() {}

  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + LIMIT_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("gave up waiting until " + what);
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
