package io.prodline.data.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.YamlErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes a {@link Schema} as YAML, the form people edit and version. Reading is strict: an unknown
 * key, a missing required key, a wrong type or an invalid value fails with a {@link DataFormatException} that
 * names the file, the line and the field path (e.g. {@code features[2].presence.min_fraction}).
 */
public final class SchemaYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
      // A key given twice would otherwise keep its last value without a word.
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private SchemaYaml() {}

  public static String write(Schema schema) {
    try {
      return MAPPER.writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("schema could not be written as YAML", e);
    }
  }

  public static void write(Schema schema, Path file) {
    try {
      Files.writeString(file, write(schema), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write schema " + file, e);
    }
  }

  public static Schema read(Path file) {
    try {
      return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + file, e);
    }
  }

  /** Parses {@code yaml}; {@code source} names it in error messages (a file name). */
  public static Schema read(String yaml, String source) {
    Schema schema = YamlErrors.read(MAPPER, yaml, source, Schema.class);
    if (schema == null) {
      throw new DataFormatException(source, "is empty; a schema needs at least 'features'");
    }
    return schema;
  }
}
