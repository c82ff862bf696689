package io.prodline.serving.inference;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A log line for an event that comes with load, such as a refusal while the server is at capacity: written at most
 * once per interval, saying how many like it were left out since, so that an overload does not also flood the log
 * (one line per refused request was 7,772 lines in 5 s at 64 connections).
 */
final class ThrottledLog {
  private final Logger log;
  private final long intervalNanos;
  private final AtomicLong nextNanos = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong leftOut = new AtomicLong();

  ThrottledLog(Logger log, Duration interval) {
    this.log = log;
    this.intervalNanos = interval.toNanos();
  }

  /** Logs a warning now, or counts it when one was logged within the interval. */
  void warn(String message, Object argument) {
    if (due()) {
      log.warn(message + leftOutSince(), argument);
    }
  }

  /** Logs an error now, or counts it, as {@link #warn}. */
  void error(String message, Object argument, Throwable error) {
    if (due()) {
      log.error(message + leftOutSince(), argument, error);
    }
  }

  private String leftOutSince() {
    long count = leftOut.getAndSet(0);
    return count == 0 ? "" : " (" + count + " more like it since the last such line)";
  }

  private boolean due() {
    long now = System.nanoTime();
    long next = nextNanos.get();
    if ((next == Long.MIN_VALUE || now - next >= 0) && nextNanos.compareAndSet(next, now + intervalNanos)) {
      return true;
    }
    leftOut.incrementAndGet();
    return false;
  }
}
