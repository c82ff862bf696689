package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a pipeline from YAML. This class checks the file's shape (known keys, values of the right kind); the
 * {@link PipelineValidator} then checks meaning. Every problem of both is reported together, each at its line:
 * <pre>
 * name: quickstart
 * steps:
 *   - name: example_gen
 *     component: ExampleGen
 *     config: {path: ../data/breast_cancer.csv}
 *   - name: trainer
 *     component: Trainer
 *     inputs: {examples: example_gen.examples}
 *     config: {label: diagnosis, model_name: breast_cancer}
 *     retries: 2            # attempts after the first
 *     retry_backoff: 1s     # doubled after each failure
 *     timeout: 30m          # per attempt
 *     cache_version: "1"    # change to force a re-run
 * </pre>
 */
public final class PipelineYaml {
  static final Set<String> TOP_KEYS = Set.of("name", "steps");
  static final Set<String> STEP_KEYS =
      Set.of("name", "component", "inputs", "config", "retries", "retry_backoff", "timeout", "cache_version");

  private final ComponentRegistry components;
  private final List<Problem> problems = new ArrayList<>();

  private PipelineYaml(ComponentRegistry components) {
    this.components = components;
  }

  /** Reads, checks and returns the pipeline in {@code file}, or throws {@link PipelineDefinitionException}. */
  public static Pipeline load(Path file, ComponentRegistry components) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ProdlineException("cannot read pipeline file " + file + ": " + e.getMessage(), e);
    }
    return new PipelineYaml(components).parse(file.toAbsolutePath().normalize(), text);
  }

  private Pipeline parse(Path file, String text) {
    YamlNode root = YamlTreeReader.read(file, text, problems);
    if (root == null) {
      throw new PipelineDefinitionException(problems);
    }
    if (!root.isMap()) {
      problems.add(new Problem(root.location(), "a pipeline file is a map with 'name' and 'steps', not "
          + root.describe()));
      throw new PipelineDefinitionException(problems);
    }
    unknownKeys(root, TOP_KEYS, "pipeline");
    String name = text(root, "name", true);
    List<StepDraft> drafts = new ArrayList<>();
    YamlNode steps = root.fields().get("steps");
    if (steps == null) {
      problems.add(new Problem(root.location(), "the pipeline has no 'steps' list"));
    } else if (!steps.isList() || steps.items().isEmpty()) {
      problems.add(new Problem(steps.location(), "'steps' must be a non-empty list of steps, not "
          + steps.describe()));
    } else {
      steps.items().forEach(s -> step(s).ifPresent(drafts::add));
    }
    return new PipelineValidator(components).validate(name == null ? "pipeline" : name, file.getParent(), drafts,
        problems);
  }

  private java.util.Optional<StepDraft> step(YamlNode node) {
    if (!node.isMap()) {
      problems.add(new Problem(node.location(), "a step is a map with 'name' and 'component', not "
          + node.describe()));
      return java.util.Optional.empty();
    }
    unknownKeys(node, STEP_KEYS, "step");
    String name = text(node, "name", true);
    String component = text(node, "component", true);
    Map<String, Location> locations = new LinkedHashMap<>();
    if (node.keyLocations().containsKey("component")) {
      locations.put("component", node.keyLocations().get("component"));
    }
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    YamlNode configNode = node.fields().get("config");
    if (configNode != null) {
      if (configNode.isMap()) {
        configNode.fields().forEach((k, v) -> config.set(k, v.toJson()));
        configNode.keyLocations().forEach((k, at) -> locations.put("config." + k, at));
      } else {
        problems.add(new Problem(configNode.location(), "'config' must be a map of settings, not "
            + configNode.describe()));
      }
    }
    Map<String, String> inputs = new LinkedHashMap<>();
    YamlNode inputsNode = node.fields().get("inputs");
    if (inputsNode != null) {
      if (inputsNode.isMap()) {
        inputsNode.fields().forEach((k, v) -> {
          locations.put("inputs." + k, inputsNode.keyLocations().get(k));
          if (v.isMap() || v.isList() || !v.scalar().isTextual()) {
            problems.add(new Problem(v.location(), "input '" + k + "' must name an upstream output as "
                + "step.output, not " + v.describe()));
          } else {
            inputs.put(k, v.scalar().asText());
          }
        });
      } else {
        problems.add(new Problem(inputsNode.location(), "'inputs' must be a map of input name to step.output, not "
            + inputsNode.describe()));
      }
    }
    int retries = integer(node, "retries");
    Duration backoff = duration(node, "retry_backoff");
    Duration timeout = duration(node, "timeout");
    String cacheVersion = scalarText(node, "cache_version");
    RetryPolicy retry = new RetryPolicy(Math.max(retries, 0), backoff == null ? Duration.ofSeconds(1) : backoff);
    if (name == null || component == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new StepDraft(name, component, config, inputs, retry, timeout, cacheVersion,
        node.keyLocations().get("name"), locations));
  }

  private void unknownKeys(YamlNode map, Set<String> known, String what) {
    map.keyLocations().forEach((key, at) -> {
      if (!known.contains(key)) {
        problems.add(new Problem(at, "unknown key '" + key + "' in a " + what + "; known keys are "
            + known.stream().sorted().toList()));
      }
    });
  }

  private String text(YamlNode map, String key, boolean required) {
    YamlNode v = map.fields().get(key);
    if (v == null) {
      if (required) {
        problems.add(new Problem(map.location(), "missing '" + key + "'"));
      }
      return null;
    }
    if (v.isMap() || v.isList() || !v.scalar().isTextual() || v.scalar().asText().isBlank()) {
      problems.add(new Problem(v.location(), "'" + key + "' must be a non-empty text, not " + v.describe()));
      return null;
    }
    return v.scalar().asText();
  }

  /** A scalar as text whatever its YAML type, so {@code cache_version: 2} and {@code "2"} mean the same. */
  private String scalarText(YamlNode map, String key) {
    YamlNode v = map.fields().get(key);
    if (v == null) {
      return null;
    }
    if (v.isMap() || v.isList() || v.scalar().isNull()) {
      problems.add(new Problem(v.location(), "'" + key + "' must be a text or number, not " + v.describe()));
      return null;
    }
    return v.scalar().asText();
  }

  private int integer(YamlNode map, String key) {
    YamlNode v = map.fields().get(key);
    if (v == null) {
      return 0;
    }
    if (v.isMap() || v.isList() || !v.scalar().canConvertToInt() || !v.scalar().isIntegralNumber()
        || v.scalar().asInt() < 0) {
      problems.add(new Problem(v.location(), "'" + key + "' must be a whole number >= 0, not " + v.describe()));
      return 0;
    }
    return v.scalar().asInt();
  }

  private Duration duration(YamlNode map, String key) {
    YamlNode v = map.fields().get(key);
    if (v == null) {
      return null;
    }
    Duration d = v.isMap() || v.isList() ? null : DurationText.parse(v.scalar().asText()).orElse(null);
    if (d == null || d.isZero()) {
      problems.add(new Problem(v.location(), "'" + key + "' must be a duration such as 500ms, 30s, 10m or 2h, not "
          + v.describe()));
    }
    return d;
  }
}
