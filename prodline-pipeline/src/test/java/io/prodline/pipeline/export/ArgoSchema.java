package io.prodline.pipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Argo's published Workflow JSON Schema ({@code src/test/resources/argo}), plus a check the schema cannot make:
 * it never forbids unknown keys, so a misspelt field ({@code activeDeadlineSecond}) would pass and Argo would drop
 * it silently. {@link #problems} reports both.
 */
final class ArgoSchema {
  private static final String WORKFLOW = "io.argoproj.workflow.v1alpha1.Workflow";
  private static final JsonNode DOCUMENT = load();
  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(DOCUMENT);

  private ArgoSchema() {}

  static List<String> problems(JsonNode manifest) {
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : SCHEMA.validate(manifest)) {
      out.add(m.getMessage());
    }
    unknownKeys(DOCUMENT.get("definitions").get(WORKFLOW), manifest, "$", out);
    return out;
  }

  private static void unknownKeys(JsonNode schema, JsonNode value, String at, List<String> out) {
    JsonNode s = resolve(schema);
    if (value.isObject() && s.has("properties")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode declared = s.get("properties").get(field.getKey());
        if (declared == null) {
          out.add(at + "." + field.getKey() + ": not a field of " + s.path("description").asText("this object"));
        } else {
          unknownKeys(declared, field.getValue(), at + "." + field.getKey(), out);
        }
      }
    } else if (value.isObject() && s.path("additionalProperties").isObject()) {
      value.fields().forEachRemaining(f -> unknownKeys(s.get("additionalProperties"), f.getValue(),
          at + "." + f.getKey(), out));
    } else if (value.isArray() && s.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        unknownKeys(s.get("items"), value.get(i), at + "[" + i + "]", out);
      }
    }
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = DOCUMENT.get("definitions").get(ref.substring("#/definitions/".length()));
    }
    return s;
  }

  private static JsonNode load() {
    try (InputStream in = ArgoSchema.class.getResourceAsStream("/argo/workflow-schema.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
