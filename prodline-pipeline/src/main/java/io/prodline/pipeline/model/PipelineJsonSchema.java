package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Generates the JSON Schema of pipeline files from the components' declared parameters, so an editor with a YAML
 * language server completes step keys, component names and each component's settings. The committed copy is
 * {@code docs/pipeline.schema.json}; a test keeps it equal to what this generates.
 */
public final class PipelineJsonSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PipelineJsonSchema() {}

  public static String generate(ComponentRegistry components) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://prodline.io/schemas/pipeline.schema.json");
    root.put("title", "prodline pipeline");
    root.put("description", "A DAG of components; see docs/pipelines.md.");
    root.put("type", "object");
    root.putArray("required").add("name").add("steps");
    root.put("additionalProperties", false);
    ObjectNode props = root.putObject("properties");
    props.putObject("name").put("type", "string").put("description", "The pipeline's name (its context in lineage).");
    ObjectNode steps = props.putObject("steps");
    steps.put("type", "array").put("minItems", 1);
    ArrayNode oneOf = steps.putObject("items").putArray("oneOf");
    for (Component c : components.all()) {
      oneOf.add(stepSchema(c));
    }
    return root.toPrettyString() + "\n";
  }

  private static ObjectNode stepSchema(Component c) {
    ObjectNode step = JSON.createObjectNode();
    step.put("title", c.name());
    step.put("description", c.description());
    step.put("type", "object");
    step.putArray("required").add("name").add("component");
    step.put("additionalProperties", false);
    ObjectNode props = step.putObject("properties");
    props.putObject("name").put("type", "string").put("pattern", "^[A-Za-z][A-Za-z0-9_-]{0,63}$")
        .put("description", "Unique step name; also its folder and log file name.");
    props.putObject("component").put("const", c.name());
    ObjectNode inputs = props.putObject("inputs");
    inputs.put("type", "object").put("description", "Input name -> upstream output, written step.output.");
    inputs.putObject("additionalProperties").put("type", "string").put("pattern", "^[^.]+\\.[^.]+$");
    ObjectNode config = props.putObject("config");
    config.put("type", "object").put("additionalProperties", false);
    ObjectNode configProps = config.putObject("properties");
    ArrayNode required = JSON.createArrayNode();
    for (Parameter p : c.parameters()) {
      ObjectNode ps = configProps.putObject(p.name());
      ps.put("description", p.description());
      switch (p.type()) {
        case STRING, FILE -> ps.put("type", "string");
        case INTEGER -> ps.put("type", "integer");
        case NUMBER -> ps.put("type", "number");
        case BOOLEAN -> ps.put("type", "boolean");
        case STRING_LIST -> ps.put("type", "array").put("minItems", 1).putObject("items").put("type", "string");
        case TYPE_MAP -> {
          ps.put("type", "object");
          ArrayNode names = ps.putObject("additionalProperties").putArray("enum");
          List.of(ArtifactType.values()).forEach(t -> names.add(t.typeName()));
        }
      }
      if (p.defaultValue() != null) {
        ps.set("default", p.defaultValue());
      }
      if (p.required()) {
        required.add(p.name());
      }
    }
    if (!required.isEmpty()) {
      config.set("required", required);
      step.withArray("required").add("config");
    }
    props.putObject("retries").put("type", "integer").put("minimum", 0)
        .put("description", "Attempts after the first when the step fails or times out.");
    props.putObject("retry_backoff").put("type", "string").put("pattern", "^[0-9]+(ms|s|m|h)$")
        .put("description", "Wait before the first retry, doubled after each; default 1s.");
    props.putObject("timeout").put("type", "string").put("pattern", "^[0-9]+(ms|s|m|h)$")
        .put("description", "Longest one attempt may run.");
    ObjectNode cacheVersion = props.putObject("cache_version");
    cacheVersion.putArray("type").add("string").add("integer");
    cacheVersion.put("description", "Part of the cache key: change it to force this step and its downstream to run.");
    return step;
  }
}
