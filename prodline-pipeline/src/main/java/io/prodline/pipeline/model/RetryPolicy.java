package io.prodline.pipeline.model;

import java.time.Duration;

/**
 * How often a failed step is tried again and how long to wait between tries: {@code backoff}, doubling after
 * each failure. A timed-out attempt counts as a failure.
 *
 * @param retries attempts after the first; 0 means fail at the first error
 */
public record RetryPolicy(int retries, Duration backoff) {
  public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(1));

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
  }

  /** The wait before attempt {@code attempt} (2, 3, …). */
  public Duration delayBefore(int attempt) {
    return backoff.multipliedBy(1L << Math.min(attempt - 2, 20));
  }
}
