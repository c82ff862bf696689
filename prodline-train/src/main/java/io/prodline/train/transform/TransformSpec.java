package io.prodline.train.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.prodline.core.fingerprint.ContentFingerprint;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Feature engineering declared once: the output features, in the order the model sees them. Read from YAML with
 * {@link TransformSpecReader} or built in Java with {@link FeatureSpec} and {@link StepSpec}'s factories;
 * {@link TransformFitter} fits it into the {@link io.prodline.core.transform.FittedTransform} that training
 * and serving both apply.
 */
public record TransformSpec(List<FeatureSpec> features) {
  /** Compact JSON with keys sorted: the same spec always gives the same bytes. */
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS) // steps without settings, e.g. log1p
      .build();

  public TransformSpec {
    if (features == null || features.isEmpty()) {
      throw new IllegalArgumentException("a transform needs at least one feature");
    }
    features = List.copyOf(features);
    Set<String> names = new HashSet<>();
    for (FeatureSpec f : features) {
      if (!names.add(f.name())) {
        throw new IllegalArgumentException("two features are named '" + f.name() + "'; give each a distinct name");
      }
    }
  }

  public static TransformSpec of(FeatureSpec... features) {
    return new TransformSpec(List.of(features));
  }

  /** The default transform: each column as itself (numbers pass through, strings get a vocabulary). */
  public static TransformSpec defaults(List<String> columns) {
    return new TransformSpec(columns.stream().map(FeatureSpec::of).toList());
  }

  /** The raw columns the features read, each once, in order of first use. */
  public List<String> inputs() {
    Set<String> inputs = new LinkedHashSet<>();
    for (FeatureSpec f : features) {
      inputs.addAll(f.inputs());
    }
    return List.copyOf(inputs);
  }

  /**
   * SHA-256 of this spec in canonical form: the parsed spec, defaults filled in, as compact JSON with sorted keys.
   * Comments, layout, key order and defaults written out do not change it; any change to what is computed does.
   * Bundles record it as {@code transformSpecSha256}.
   */
  public String sha256() {
    return ContentFingerprint.sha256(canonical().getBytes(StandardCharsets.UTF_8));
  }

  String canonical() {
    try {
      return CANONICAL.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a transform spec always serialises: " + e.getMessage(), e);
    }
  }
}
