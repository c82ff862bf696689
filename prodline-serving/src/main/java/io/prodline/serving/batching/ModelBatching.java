package io.prodline.serving.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model's own dynamic batching, set in the model config file or a Triton {@code config.pbtxt} over the server's
 * {@code --batch-*} options: off, or on with the values it gives, the others being the server's.
 *
 * @param on whether the model's requests are batched
 * @param maxDelay how long a batch's oldest request may wait for others; empty takes the server's delay, or 0
 *     (the batch takes what queues until a worker is free) when the server does not batch
 * @param maxRows the most rows in one model call; empty takes the server's
 * @param queueCapacity the requests that may wait per version; empty takes the server's
 */
public record ModelBatching(boolean on, Optional<Duration> maxDelay, OptionalInt maxRows, OptionalInt queueCapacity) {
  /** The model's requests run alone, whatever the server's options say. */
  public static final ModelBatching OFF = new ModelBatching(false, Optional.empty(), OptionalInt.empty(),
      OptionalInt.empty());

  /** The longest delay any configuration file may set; longer is a typo in its unit. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);

  public ModelBatching {
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRows, "maxRows");
    Objects.requireNonNull(queueCapacity, "queueCapacity");
    maxDelay.ifPresent(delay -> {
      if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
        throw new IllegalArgumentException("a batching delay is from 0 to " + MAX_DELAY.toSeconds() + " s, got "
            + delay);
      }
    });
    if (maxRows.orElse(1) < 1 || queueCapacity.orElse(1) < 1) {
      throw new IllegalArgumentException("a batch's rows and a queue's requests are at least 1, got " + maxRows
          + " and " + queueCapacity);
    }
  }

  /** For the log: {@code off}, or what the model sets, e.g. {@code on (max delay 2 ms, max 64 rows)}. */
  @Override
  public String toString() {
    if (!on) {
      return "off";
    }
    List<String> set = new ArrayList<>();
    maxDelay.ifPresent(d -> set.add("max delay " + d.toNanos() / 1e6 + " ms"));
    maxRows.ifPresent(r -> set.add("max " + r + " rows"));
    queueCapacity.ifPresent(q -> set.add("queue " + q));
    return set.isEmpty() ? "on" : "on (" + String.join(", ", set) + ")";
  }

  /** The batching of this model on a server whose {@code --batch-*} options are {@code server}. */
  public BatchingConfig over(BatchingConfig server) {
    if (!on) {
      return server.turnedOff();
    }
    return BatchingConfig.on(maxRows.orElse(server.maxRows()),
        maxDelay.orElse(server.enabled() ? server.maxDelay() : Duration.ZERO),
        queueCapacity.orElse(server.queueCapacity()));
  }
}
