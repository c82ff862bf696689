package io.prodline.metadata.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A registered, immutable version of a model: numbered 1, 2, … per model, never changed after registration
 * (only its tags move). Aliases point at versions; see {@link RegisteredModel#aliases()}.
 */
public record ModelVersion(String model, int version, String bundleFingerprint, String uri, String sourceRun,
    Long sourceExecutionId, String metricsJson, Map<String, String> tags, Instant createTime) {
  public ModelVersion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(bundleFingerprint, "bundleFingerprint");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(metricsJson, "metricsJson");
    tags = Map.copyOf(tags);
    Objects.requireNonNull(createTime, "createTime");
  }
}
