package io.prodline.metadata.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.Names;

/**
 * A model version to register: the SHA-256 of its bundle, where the bundle lives, the run and execution that
 * produced it (either may be null for a model trained elsewhere) and its metrics as a JSON object.
 */
public record NewModelVersion(String bundleFingerprint, String uri, String sourceRun, Long sourceExecutionId,
    String metricsJson) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public NewModelVersion {
    if (bundleFingerprint == null || !bundleFingerprint.matches("[0-9a-f]{64}")) {
      throw new MetadataException("model version at " + uri + ": bundle fingerprint '" + bundleFingerprint
          + "' is not a SHA-256 in lower-case hex (64 characters 0-9a-f)");
    }
    Names.require(uri, "model version uri");
    metricsJson = metricsJson == null ? "{}" : metricsJson;
    try {
      if (!JSON.readTree(metricsJson).isObject()) {
        throw new MetadataException("model version at " + uri + ": metrics must be a JSON object such as "
            + "{\"roc_auc\": 0.91}, not " + metricsJson);
      }
    } catch (JsonProcessingException e) {
      throw new MetadataException("model version at " + uri + ": metrics are not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }
}
