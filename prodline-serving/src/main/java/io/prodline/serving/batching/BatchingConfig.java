package io.prodline.serving.batching;

import java.time.Duration;
import java.util.Objects;

/**
 * How a model version's requests are batched: the server's {@code --batch-*} options, or a model's own over them
 * ({@link ModelBatching}).
 *
 * @param enabled whether requests are batched at all; off, each request runs alone as soon as a worker is free,
 *     trading throughput for the lowest latency at light load
 * @param maxRows most rows in one model call; a single request with more rows runs alone, unsplit
 * @param maxDelay longest a request waits for others to join its batch, which it does only while every prediction
 *     worker is busy; zero sets no deadline, the batch takes what queues until a worker is free (what TF Serving's
 *     and Triton's delay of 0 mean)
 * @param queueCapacity requests that may wait per model version; beyond that they are refused with 429 rather
 *     than queued without bound
 */
public record BatchingConfig(boolean enabled, int maxRows, Duration maxDelay, int queueCapacity) {
  public static final int DEFAULT_MAX_ROWS = 256;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(2);
  public static final int DEFAULT_QUEUE_CAPACITY = 1024;

  /** 256 rows, 2 ms, 1024 waiting requests per model version. */
  public static final BatchingConfig DEFAULT = on(DEFAULT_MAX_ROWS, DEFAULT_MAX_DELAY, DEFAULT_QUEUE_CAPACITY);
  /** No batching. */
  public static final BatchingConfig OFF = DEFAULT.turnedOff();

  public BatchingConfig {
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxRows < 1) {
      throw new IllegalArgumentException("batching maxRows must be at least 1, got " + maxRows);
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("batching maxDelay must not be negative, got " + maxDelay);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("batching queueCapacity must be at least 1, got " + queueCapacity);
    }
  }

  /**
   * For people: {@code off}, or the bounds, e.g. {@code up to 256 rows per call, waiting up to 2 ms, 1024 queued};
   * a delay of 0 waits {@code until a worker is free}.
   */
  public String describe() {
    if (!enabled) {
      return "off";
    }
    return "up to " + maxRows + " rows per call, waiting "
        + (maxDelay.isZero() ? "until a worker is free" : "up to " + maxDelay.toNanos() / 1e6 + " ms") + ", "
        + queueCapacity + " queued";
  }

  /** Batching with these bounds. */
  public static BatchingConfig on(int maxRows, Duration maxDelay, int queueCapacity) {
    return new BatchingConfig(true, maxRows, maxDelay, queueCapacity);
  }

  /** No batching, keeping these bounds for a model that turns its own on. */
  public BatchingConfig turnedOff() {
    return new BatchingConfig(false, maxRows, maxDelay, queueCapacity);
  }
}
