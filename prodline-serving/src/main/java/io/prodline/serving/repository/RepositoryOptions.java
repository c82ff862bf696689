package io.prodline.serving.repository;

import io.prodline.serving.lifecycle.AspiredVersionPolicy;
import io.prodline.serving.lifecycle.AvailabilityPreservingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ModelRepository} follows its directory.
 *
 * @param pollInterval time between scans of the directory; {@link Duration#ZERO} scans once at start (one-shot)
 * @param modelConfig the model config file; {@code null} uses {@code ROOT/models.yaml} whenever it exists, looked for
 *     at every scan
 * @param swapPolicy how versions are swapped; {@link AvailabilityPreservingPolicy} unless memory forbids it
 */
public record RepositoryOptions(Duration pollInterval, Path modelConfig, AspiredVersionPolicy swapPolicy) {
  public RepositoryOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(swapPolicy, "swapPolicy");
    if (pollInterval.isNegative()) {
      throw new IllegalArgumentException("pollInterval must not be negative, got " + pollInterval);
    }
  }

  /** One scan at start, {@code ROOT/models.yaml} if present, availability-preserving swaps. */
  public static RepositoryOptions oneShot() {
    return new RepositoryOptions(Duration.ZERO, null, new AvailabilityPreservingPolicy());
  }

  public RepositoryOptions withPollInterval(Duration interval) {
    return new RepositoryOptions(interval, modelConfig, swapPolicy);
  }

  public RepositoryOptions withModelConfig(Path file) {
    return new RepositoryOptions(pollInterval, file, swapPolicy);
  }

  public RepositoryOptions withSwapPolicy(AspiredVersionPolicy policy) {
    return new RepositoryOptions(pollInterval, modelConfig, policy);
  }
}
