package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.error.ProdlineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step's configuration as checked by the validator, with defaults filled in. Read-only; file parameters are
 * resolved against the directory of the pipeline file.
 */
public final class StepConfig {
  private final ObjectNode values;
  private final Path baseDirectory;

  public StepConfig(ObjectNode values, Path baseDirectory) {
    this.values = values.deepCopy();
    this.baseDirectory = baseDirectory;
  }

  /** Every value, defaults included: what the cache key is computed from. */
  public ObjectNode json() {
    return values.deepCopy();
  }

  public boolean has(String name) {
    return values.hasNonNull(name);
  }

  public String string(String name) {
    return require(name).asText();
  }

  public Optional<String> optionalString(String name) {
    return has(name) ? Optional.of(values.get(name).asText()) : Optional.empty();
  }

  public long integer(String name) {
    return require(name).asLong();
  }

  public double number(String name) {
    return require(name).asDouble();
  }

  public Optional<Double> optionalNumber(String name) {
    return has(name) ? Optional.of(values.get(name).asDouble()) : Optional.empty();
  }

  public boolean bool(String name) {
    return require(name).asBoolean();
  }

  /** A file parameter as an absolute path, relative paths taken from the pipeline file's directory. */
  public Path file(String name) {
    return baseDirectory.resolve(require(name).asText()).toAbsolutePath().normalize();
  }

  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    require(name).forEach(v -> out.add(v.asText()));
    return out;
  }

  /** A {@link ParameterType#TYPE_MAP} parameter, in the order written; empty when absent. */
  public Map<String, ArtifactType> types(String name) {
    Map<String, ArtifactType> out = new LinkedHashMap<>();
    if (has(name)) {
      values.get(name).fields().forEachRemaining(e -> out.put(e.getKey(),
          ArtifactType.byName(e.getValue().asText()).orElseThrow()));
    }
    return out;
  }

  /** The directory relative paths in the configuration are resolved against. */
  public Path baseDirectory() {
    return baseDirectory;
  }

  private JsonNode require(String name) {
    JsonNode v = values.get(name);
    if (v == null || v.isNull()) {
      throw new ProdlineException("configuration has no value for '" + name + "'");
    }
    return v;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
