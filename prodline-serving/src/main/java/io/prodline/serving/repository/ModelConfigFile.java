package io.prodline.serving.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.error.YamlErrors;
import io.prodline.core.fs.IoProblems;
import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the model config file, checking every value and naming the file, the field path and what is allowed when
 * one is wrong. prodline's own is YAML:
 * <pre>{@code
 * models:
 *   houses:
 *     version_policy: all            # or {latest: 2} (default {latest: 1}) or {specific: [3, 4]}
 *     labels: {stable: 3, canary: 4}
 *     warmup: {synthetic_rows: 8, iterations: 2}
 *     allow_nan: true                # NaN and infinities reach the model (default: see NonFiniteInputs.of)
 *     batching: {max_delay_ms: 2, max_rows: 64, queue: 512}   # or off (default: the server's --batch-* options)
 *     prediction_log: {sampling_rate: 0.1}   # the share of requests logged (default 1: all, with --prediction-log)
 * }</pre>
 * A TF Serving deployment's {@code models.config} is read as well ({@link TfServingConfigFile}).
 */
public final class ModelConfigFile {
  /** The name looked for in the repository root when no file is given. */
  public static final String DEFAULT_NAME = "models.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ModelConfigFile() {}

  /**
   * The configuration in {@code file} for the repository at {@code repository}: YAML as above, or TF Serving's
   * model config file ({@link TfServingConfigFile}); {@link ProdlineException} saying where and what is wrong.
   */
  public static RepositoryConfig read(Path file, Path repository) {
    String text;
    JsonNode root;
    try {
      text = Files.readString(file);
      if (TfServingConfigFile.isOne(text)) {
        return TfServingConfigFile.read(file, text, repository);
      }
      root = YAML.readTree(text);
    } catch (MalformedInputException e) {
      throw new ProdlineException("model config " + file + " is not UTF-8 text; save it as UTF-8", e);
    } catch (JsonProcessingException e) {
      throw YamlErrors.notYaml(e, "model config " + file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read model config " + file + ": " + IoProblems.of(e), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return RepositoryConfig.EMPTY;
    }
    Reader reader = new Reader(file);
    reader.fields(root, "", Set.of("models"));
    JsonNode models = root.get("models");
    if (models == null || models.isNull()) {
      return RepositoryConfig.EMPTY;
    }
    reader.require(models.isObject(), "models", "a map of model name to settings", models);
    Map<String, ModelSettings> settings = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = models.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> model = it.next();
      settings.put(model.getKey(), reader.model(model.getValue(), "models." + model.getKey()));
    }
    return new RepositoryConfig(settings, false);
  }

  /** Reading state: only the file name, for messages. */
  private record Reader(Path file) {
    ModelSettings model(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return ModelSettings.DEFAULT;
      }
      require(node.isObject(), path,
          "a map with version_policy, labels, warmup, allow_nan, batching and prediction_log", node);
      fields(node, path, Set.of("version_policy", "labels", "warmup", "allow_nan", "batching", "prediction_log"));
      return new ModelSettings(policy(node.get("version_policy"), path + ".version_policy"),
          labels(node.get("labels"), path + ".labels"), warmup(node.get("warmup"), path + ".warmup"),
          allowNaN(node.get("allow_nan"), path + ".allow_nan"), batching(node.get("batching"), path + ".batching"),
          logSampling(node.get("prediction_log"), path + ".prediction_log"));
    }

    /** {@code {sampling_rate: R}}: the share of the model's requests the prediction log records. */
    Optional<Double> logSampling(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      require(node.isObject(), path, "a map with sampling_rate", node);
      fields(node, path, Set.of("sampling_rate"));
      JsonNode rate = node.get("sampling_rate");
      if (rate == null) {
        return Optional.empty();
      }
      require(rate.isNumber() && rate.doubleValue() >= 0 && rate.doubleValue() <= 1, path + ".sampling_rate",
          "a number from 0 (log none) to 1 (log all)", rate);
      return Optional.of(rate.doubleValue());
    }

    /** {@code off}, or a map turning batching on with what it sets: {@code {max_delay_ms, max_rows, queue}}. */
    Optional<ModelBatching> batching(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      String expected = "'off' or a map with max_delay_ms, max_rows and queue";
      if (node.isTextual() || node.isBoolean()) {
        // YAML 1.1 reads a bare off as false.
        require(node.asText().equals("off") || node.asText().equals("false"), path, expected, node);
        return Optional.of(ModelBatching.OFF);
      }
      require(node.isObject(), path, expected, node);
      fields(node, path, Set.of("max_delay_ms", "max_rows", "queue"));
      Optional<Duration> delay = Optional.empty();
      JsonNode ms = node.get("max_delay_ms");
      if (ms != null) {
        require(ms.isNumber() && ms.doubleValue() >= 0 && ms.doubleValue() <= 60_000, path + ".max_delay_ms",
            "a number of milliseconds from 0 to 60000 (0: a batch takes what queues until a worker is free)", ms);
        delay = Optional.of(Duration.ofNanos(Math.round(ms.doubleValue() * 1e6)));
      }
      return Optional.of(new ModelBatching(true, delay, optionalInt(node.get("max_rows"), path + ".max_rows"),
          optionalInt(node.get("queue"), path + ".queue")));
    }

    OptionalInt optionalInt(JsonNode node, String path) {
      return node == null ? OptionalInt.empty() : OptionalInt.of((int) positive(node, path, Integer.MAX_VALUE));
    }

    Optional<Boolean> allowNaN(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return Optional.empty();
      }
      require(node.isBoolean(), path, "true or false", node);
      return Optional.of(node.booleanValue());
    }

    VersionPolicy policy(JsonNode node, String path) {
      String expected = "'all', {latest: N} or {specific: [versions]}";
      if (node == null || node.isNull()) {
        return VersionPolicy.DEFAULT;
      }
      if (node.isTextual()) {
        require(node.textValue().equals("all"), path, expected, node);
        return new VersionPolicy.All();
      }
      require(node.isObject() && node.size() == 1, path, expected, node);
      if (node.has("latest")) {
        return new VersionPolicy.Latest((int) positive(node.get("latest"), path + ".latest", 1_000));
      }
      JsonNode specific = node.get("specific");
      require(specific != null && specific.isArray() && !specific.isEmpty(), path, expected, node);
      List<Long> versions = new ArrayList<>();
      for (int i = 0; i < specific.size(); i++) {
        versions.add(positive(specific.get(i), path + ".specific[" + i + "]", Long.MAX_VALUE));
      }
      return VersionPolicy.Specific.of(versions);
    }

    Map<String, Long> labels(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return Map.of();
      }
      require(node.isObject(), path, "a map of label to version, e.g. {stable: 3}", node);
      Map<String, Long> labels = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> label = it.next();
        if (!RepositoryConfig.LABEL.matcher(label.getKey()).matches()) {
          throw new ProdlineException(file + ": " + path + ": label '" + label.getKey() + "' must match "
              + RepositoryConfig.LABEL.pattern());
        }
        labels.put(label.getKey(), positive(label.getValue(), path + "." + label.getKey(), Long.MAX_VALUE));
      }
      return labels;
    }

    WarmupSettings warmup(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return WarmupSettings.DEFAULT;
      }
      require(node.isObject(), path, "a map with synthetic_rows and iterations", node);
      fields(node, path, Set.of("synthetic_rows", "iterations"));
      int rows = node.has("synthetic_rows")
          ? (int) bounded(node.get("synthetic_rows"), path + ".synthetic_rows", 0, WarmupSettings.MAX_ROWS) : 0;
      int iterations = node.has("iterations")
          ? (int) bounded(node.get("iterations"), path + ".iterations", 1, WarmupSettings.MAX_ITERATIONS) : 1;
      return new WarmupSettings(rows, iterations);
    }

    long positive(JsonNode node, String path, long max) {
      return bounded(node, path, 1, max);
    }

    long bounded(JsonNode node, String path, long min, long max) {
      require(node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= min
          && node.longValue() <= max, path, "an integer from " + min + " to " + max, node);
      return node.longValue();
    }

    void fields(JsonNode node, String path, Set<String> allowed) {
      if (!node.isObject()) {
        throw new ProdlineException(file + ": expected a map at " + (path.isEmpty() ? "the top level" : path));
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw new ProdlineException(file + ": unknown field '" + key + "'" + (path.isEmpty() ? "" : " in " + path)
              + "; expected " + allowed.stream().sorted().toList());
        }
      }
    }

    void require(boolean ok, String path, String expected, JsonNode got) {
      if (!ok) {
        throw new ProdlineException(file + ": " + path + " must be " + expected + ", got " + got);
      }
    }
  }
}
