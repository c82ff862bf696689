package io.prodline.serving.rest;

import java.time.Duration;

/**
 * Counts requests from the moment a connection starts on them until their answer has been written, so that a
 * graceful stop can wait for the answers themselves: waiting for the prediction workers alone is not enough, since
 * closing the event loops right after would close connections before the finished answers are written.
 */
public final class InFlightRequests {
  private int count;

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Waits until no request is in flight or {@code timeout} has passed; returns whether none is. */
  public synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
