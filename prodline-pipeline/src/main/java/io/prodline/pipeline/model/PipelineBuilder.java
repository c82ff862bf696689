package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a pipeline in Java, checked by the same validator as YAML:
 * <pre>{@code
 * Pipeline p = PipelineBuilder.create("demo", dir, registry)
 *     .step("gen", "ExampleGen").config("path", "data.csv").add()
 *     .step("stats", "StatisticsGen").input("examples", "gen.examples").add()
 *     .build();
 * }</pre>
 */
public final class PipelineBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Path baseDirectory;
  private final ComponentRegistry components;
  private final List<StepDraft> drafts = new ArrayList<>();

  private PipelineBuilder(String name, Path baseDirectory, ComponentRegistry components) {
    this.name = name;
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.components = components;
  }

  /** @param baseDirectory where relative file paths in configurations are resolved */
  public static PipelineBuilder create(String name, Path baseDirectory, ComponentRegistry components) {
    return new PipelineBuilder(name, baseDirectory, components);
  }

  public StepBuilder step(String stepName, String component) {
    return new StepBuilder(stepName, component);
  }

  /** Validates and returns the pipeline, or throws {@link PipelineDefinitionException} listing every problem. */
  public Pipeline build() {
    return new PipelineValidator(components).validate(name, baseDirectory, drafts, List.of());
  }

  /** One step being described; {@link #add()} returns to the pipeline. */
  public final class StepBuilder {
    private final String stepName;
    private final String component;
    private final ObjectNode config = JsonNodeFactory.instance.objectNode();
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private RetryPolicy retry = RetryPolicy.NONE;
    private Duration timeout;
    private String cacheVersion;

    private StepBuilder(String stepName, String component) {
      this.stepName = stepName;
      this.component = component;
    }

    /** Sets a configuration value: a string, number, boolean, list or map, as it would be written in YAML. */
    public StepBuilder config(String key, Object value) {
      config.set(key, JSON.valueToTree(value));
      return this;
    }

    public StepBuilder config(String key, JsonNode value) {
      config.set(key, value);
      return this;
    }

    /** Connects input {@code inputName} to {@code upstream}, written {@code step.output}. */
    public StepBuilder input(String inputName, String upstream) {
      inputs.put(inputName, upstream);
      return this;
    }

    public StepBuilder retry(int retries, Duration backoff) {
      retry = new RetryPolicy(retries, backoff);
      return this;
    }

    public StepBuilder timeout(Duration perAttempt) {
      timeout = perAttempt;
      return this;
    }

    public StepBuilder cacheVersion(String version) {
      cacheVersion = version;
      return this;
    }

    public PipelineBuilder add() {
      drafts.add(new StepDraft(stepName, component, config, inputs, retry, timeout, cacheVersion, Location.JAVA,
          Map.of()));
      return PipelineBuilder.this;
    }
  }
}
