package io.prodline.pipeline.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/**
 * Writes a manifest as YAML for {@code kubectl} and {@code argo submit}. Quotes are kept off where YAML does not
 * need them, but text that reads as a number stays quoted, so {@code limit: "2"} stays the string Argo's schema
 * asks for.
 */
public final class WorkflowYaml {
  private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .build())
      .build();

  private WorkflowYaml() {}

  public static String write(JsonNode manifest) {
    try {
      return YAML.writeValueAsString(manifest);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the manifest as YAML", e);
    }
  }
}
