package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.config.ConfigText;
import io.prodline.serving.grpc.v2.ModelConfig;
import io.prodline.serving.grpc.v2.ModelConfigOrBuilder;
import io.prodline.serving.grpc.v2.ModelDynamicBatching;
import io.prodline.serving.grpc.v2.ModelVersionPolicy;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model's Triton configuration, {@code <model>/config.pbtxt} (protobuf text format of Triton's
 * {@code ModelConfig}), so that a Triton model repository keeps its version policies and dynamic batching when
 * prodline serves it. {@code version_policy}, {@code dynamic_batching} (its delay and queue size) and, with it,
 * {@code max_batch_size} are taken; every other field is read past: tensors come from the model file itself and
 * limits are the server's settings. Fields this reader does not know (instance groups, optimization, backend
 * parameters) are skipped.
 */
final class TritonConfigFile {
  /** Triton's name for it, in the model's directory beside the version directories. */
  static final String NAME = "config.pbtxt";

  /**
   * What a model's file says: its version policy and dynamic batching when it gives them, and the fields read past,
   * for the log.
   */
  record Settings(Optional<VersionPolicy> versionPolicy, Optional<ModelBatching> batching, List<String> ignored) {
    /** The model's settings, or empty when the file gives neither a version policy nor batching. */
    Optional<ModelSettings> modelSettings() {
      if (versionPolicy.isEmpty() && batching.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ModelSettings(versionPolicy.orElse(VersionPolicy.DEFAULT), Map.of(),
          WarmupSettings.DEFAULT, Optional.empty(), batching, Optional.empty()));
    }
  }

  private TritonConfigFile() {}

  /**
   * The settings of {@code file}; {@link ProdlineException} naming the file, line and column when it is not Triton's
   * text format or its version policy is not one prodline can serve.
   */
  static Settings read(Path file) {
    ModelConfig.Builder config = ConfigText.TRITON.read(file, "model configuration", ModelConfig.newBuilder(),
        "; fix the file or remove it (prodline then serves the model's newest version)");
    List<String> ignored = new ArrayList<>();
    if (config.getMaxBatchSize() > 0 && !config.hasDynamicBatching()) {
      ignored.add("max_batch_size (the server's --max-rows applies; with dynamic_batching it bounds a batch)");
    }
    if (config.getInputCount() > 0 || config.getOutputCount() > 0) {
      ignored.add("input and output (read from the model file)");
    }
    Optional<VersionPolicy> policy = config.hasVersionPolicy()
        ? Optional.of(policy(config.getVersionPolicy(), file)) : Optional.empty();
    return new Settings(policy, config.hasDynamicBatching() ? Optional.of(batching(config)) : Optional.empty(),
        ignored);
  }

  /**
   * Triton's dynamic batching: on, waiting up to {@code max_queue_delay_microseconds} (0, Triton's default, takes
   * what queues until a worker is free), in batches of up to {@code max_batch_size} rows and queues of up to
   * {@code default_queue_policy.max_queue_size} requests; what the file leaves at 0 takes the server's option.
   */
  private static ModelBatching batching(ModelConfigOrBuilder config) {
    ModelDynamicBatching batching = config.getDynamicBatching();
    // The delay is a uint64 and the queue a uint32: values past the signed range arrive negative, so both are
    // compared unsigned, and capped at what prodline takes.
    long micros = batching.getMaxQueueDelayMicroseconds();
    long maxMicros = ModelBatching.MAX_DELAY.toNanos() / 1_000;
    long delayMicros = Long.compareUnsigned(micros, maxMicros) > 0 ? maxMicros : micros;
    long queue = Math.min(Integer.toUnsignedLong(batching.getDefaultQueuePolicy().getMaxQueueSize()),
        Integer.MAX_VALUE);
    return new ModelBatching(true, Optional.of(Duration.ofNanos(delayMicros * 1_000)),
        config.getMaxBatchSize() > 0 ? OptionalInt.of(config.getMaxBatchSize()) : OptionalInt.empty(),
        queue > 0 ? OptionalInt.of((int) queue) : OptionalInt.empty());
  }

  private static VersionPolicy policy(ModelVersionPolicy policy, Path file) {
    String where = "Triton model configuration " + file;
    return switch (policy.getPolicyChoiceCase()) {
      case LATEST -> VersionPolicyFields.latest(policy.getLatest().getNumVersions(), where, "version_policy");
      case ALL -> new VersionPolicy.All();
      case SPECIFIC -> VersionPolicyFields.specific(policy.getSpecific().getVersionsList(), where, "version_policy",
          "version_policy: { specific: { versions: [1, 3] } }");
      case POLICYCHOICE_NOT_SET -> VersionPolicy.DEFAULT;
    };
  }
}
