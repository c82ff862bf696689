package io.prodline.data.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.prodline.core.error.DataFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

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
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
    try {
      Schema schema = yaml.isBlank() ? null : MAPPER.readValue(yaml, Schema.class);
      if (schema == null) {
        throw new DataFormatException(source, "is empty; a schema needs at least 'features'");
      }
      return schema;
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException p) {
        throw notYaml(source, p);
      }
      throw new DataFormatException(source, line(e), path(e) + problem(e));
    } catch (JsonParseException e) {
      throw notYaml(source, e);
    } catch (JsonProcessingException e) {
      throw new DataFormatException(source, line(e), e.getOriginalMessage());
    }
  }

  private static DataFormatException notYaml(String source, JsonParseException e) {
    return new DataFormatException(source, line(e), "not valid YAML: " + e.getOriginalMessage().lines()
        .findFirst().orElse("").strip());
  }

  private static long line(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? -1 : location.getLineNr();
  }

  /** The field path as {@code features[2].presence.min_fraction: }, or nothing at the top level. */
  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "" : sb + ": ";
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return "unknown key '" + u.getPropertyName() + "'; known keys here are " + known;
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return cause instanceof NullPointerException ? "missing " + cause.getMessage() : cause.getMessage();
    }
    return e.getOriginalMessage();
  }
}
