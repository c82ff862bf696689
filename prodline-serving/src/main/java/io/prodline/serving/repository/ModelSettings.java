package io.prodline.serving.repository;

import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model config file says about one model.
 *
 * @param versionPolicy which versions on disk to serve
 * @param labels label → version, e.g. {@code stable → 3}; a labelled version on disk is served as well
 * @param warmup the warm-up each version gets before it serves
 * @param allowNaN whether NaN and infinities may reach the model; empty leaves it to
 *     {@link io.prodline.serving.protocol.NonFiniteInputs#of}
 * @param batching the model's own dynamic batching; empty leaves it to the server's {@code --batch-*} options
 * @param logSampling the share of the model's requests the prediction log records, 0 to 1; empty records all
 */
public record ModelSettings(VersionPolicy versionPolicy, Map<String, Long> labels, WarmupSettings warmup,
    Optional<Boolean> allowNaN, Optional<ModelBatching> batching, Optional<Double> logSampling) {
  /**
   * For models the file does not mention: the newest version, no labels, no synthetic warm-up, NaN by default,
   * the server's batching, every request logged (when the server logs predictions).
   */
  public static final ModelSettings DEFAULT = new ModelSettings(VersionPolicy.DEFAULT, Map.of(),
      WarmupSettings.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty());

  public ModelSettings {
    Objects.requireNonNull(versionPolicy, "versionPolicy");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(allowNaN, "allowNaN");
    Objects.requireNonNull(batching, "batching");
    logSampling.ifPresent(rate -> {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("a log sampling rate is from 0 to 1, got " + rate);
      }
    });
  }
}
