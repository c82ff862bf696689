package io.prodline.serving.predictionlog;

import java.nio.file.Path;

/**
 * Whether and where predictions are logged.
 *
 * @param directory where the JSON lines files go; {@code null} turns logging off
 * @param queueCapacity records that may wait for the writer; beyond that they are dropped and counted
 * @param maxFileBytes a file is closed and a new one started once it reaches this size (and at each UTC day)
 */
public record PredictionLogConfig(Path directory, int queueCapacity, long maxFileBytes) {
  public static final int DEFAULT_QUEUE_CAPACITY = 65_536;
  public static final long DEFAULT_MAX_FILE_BYTES = 256L * 1024 * 1024;
  public static final PredictionLogConfig OFF =
      new PredictionLogConfig(null, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_FILE_BYTES);

  public PredictionLogConfig {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("prediction log queueCapacity must be at least 1, got " + queueCapacity);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("prediction log maxFileBytes must be at least 1, got " + maxFileBytes);
    }
  }

  /** Logging into {@code directory} with the default queue and file size. */
  public static PredictionLogConfig into(Path directory) {
    return new PredictionLogConfig(directory, DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_FILE_BYTES);
  }

  public boolean enabled() {
    return directory != null;
  }
}
