package io.prodline.core.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Says what is wrong with a YAML file read into Java records (a schema, a bundle manifest) in the file's own
 * words: Jackson's exceptions name Java types, creator properties and tokens, while a person editing the file
 * needs the key, the line, what belongs there and what is there instead.
 *
 * <p>A misspelt required key (e.g. {@code min_fractoin}) makes Jackson report the required key as missing before
 * it gets to the unknown one, so before saying a key is missing the mapping is searched for a key that does
 * not belong there: that is the one to fix.
 */
public final class YamlErrors {
  private final ObjectMapper mapper;
  private final String yaml;
  private final String source;

  /**
   * @param mapper the mapper that read the file, for the keys each type has
   * @param yaml the text read
   * @param source names it in messages (a file name)
   */
  private YamlErrors(ObjectMapper mapper, String yaml, String source) {
    this.mapper = mapper;
    this.yaml = yaml;
    this.source = source;
  }

  /**
   * Reads {@code yaml} as a {@code type} with {@code mapper}; null for a file of nothing but comments (it has no
   * token at all). Any problem is a {@link DataFormatException} in the file's words, named after {@code source}.
   */
  public static <T> T read(ObjectMapper mapper, String yaml, String source, Class<T> type) {
    try (JsonParser parser = mapper.createParser(yaml)) {
      try {
        return parser.nextToken() == null ? null : mapper.readValue(parser, type);
      } catch (JsonProcessingException e) {
        // translated here, while the parser still points at the value that was wrong
        throw new YamlErrors(mapper, yaml, source).of(e, parser);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * The error for a file that is not YAML at all, found while reading it as a tree: one line, {@code source:line:
   * not valid YAML: ...}, where Jackson's message spans the YAML library's excerpt with a caret and a second,
   * differing position.
   */
  public static DataFormatException notYaml(JsonProcessingException e, String source) {
    YamlErrors errors = new YamlErrors(null, null, source);
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        return errors.notYaml(marked, e);
      }
    }
    return new DataFormatException(source, line(e.getLocation()), "not valid YAML: " + readerProblem(e));
  }

  /** The error for {@code e}, thrown while {@code parser} read the file; the parser still points where it failed. */
  private DataFormatException of(JsonProcessingException e, JsonParser parser) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked) {
        return notYaml(marked, e);
      }
    }
    if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
      return new DataFormatException(source, line(e.getLocation()), "not valid YAML: " + readerProblem(e));
    }
    if (mapping.getCause() instanceof IllegalArgumentException || mapping.getCause() instanceof NullPointerException) {
      return invalidValue(mapping);
    }
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      return keyProblem(unknown);
    }
    if (mapping instanceof MismatchedInputException mismatch) {
      // at the end of a mapping, the value that is wrong is one that is not there
      return parser.currentToken() == JsonToken.END_OBJECT && !mismatch.getPath().isEmpty()
          ? keyProblem(mismatch) : wrongValue(mismatch, parser);
    }
    return new DataFormatException(source, line(e.getLocation()), place(mapping.getPath()) + ": "
        + e.getOriginalMessage());
  }

  /** The YAML parser's own words are plain: what it found and, in parentheses, what it was reading. */
  private DataFormatException notYaml(MarkedYAMLException e, JsonProcessingException wrapper) {
    Mark mark = e.getProblemMark();
    long line = mark != null ? mark.getLine() + 1 : line(wrapper.getLocation());
    return new DataFormatException(source, line, "not valid YAML: " + e.getProblem()
        + (e.getContext() == null ? "" : " (" + e.getContext() + ")"));
  }

  /**
   * The problem Jackson's YAML reader found itself. Its message for a key that is a mapping or a list, as in
   * {@code {{a: b}: c}}, names the YAML library's event classes, so it is put in the file's words.
   */
  private static String readerProblem(JsonProcessingException e) {
    String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return problem.startsWith("Expected a field name") ? "a key must be a single value, not a mapping or a list"
        : problem;
  }

  /** A value the records' own checks refused, e.g. a min_fraction above 1: their message says it all. */
  private DataFormatException invalidValue(JsonMappingException e) {
    String path = path(e.getPath());
    Throwable cause = e.getCause();
    String problem = cause instanceof NullPointerException ? "missing " + cause.getMessage() : cause.getMessage();
    return new DataFormatException(source, line(e.getLocation()), path.isEmpty() ? problem : path + ": " + problem);
  }

  /** A key the mapping lacks, or, found first, one it does not allow (an unknown key or a misspelt one). */
  private DataFormatException keyProblem(MismatchedInputException e) {
    List<JsonMappingException.Reference> path = e.getPath();
    JsonMappingException.Reference key = path.get(path.size() - 1);
    List<JsonMappingException.Reference> mapping = path.subList(0, path.size() - 1);
    List<String> allowed = keys(key.getFrom() instanceof Class<?> type ? type : key.getFrom().getClass());
    Map.Entry<String, Long> unknown = keysWithLines(pointer(mapping)).entrySet().stream()
        .filter(k -> !allowed.contains(k.getKey())).findFirst()
        .orElse(e instanceof UnrecognizedPropertyException u ? Map.entry(u.getPropertyName(), line(e.getLocation()))
            : null);
    if (unknown != null) {
      return new DataFormatException(source, unknown.getValue(), "unknown key '" + unknown.getKey() + "' in "
          + place(mapping) + "; the keys allowed there are " + String.join(", ", allowed));
    }
    return new DataFormatException(source, line(e.getLocation()), "required key '" + key.getFieldName()
        + "' is missing in " + place(mapping));
  }

  private DataFormatException wrongValue(MismatchedInputException e, JsonParser parser) {
    return new DataFormatException(source, line(e.getLocation()), place(e.getPath()) + " must be "
        + expected(e.getTargetType()) + ", not " + found(parser));
  }

  /** What a value of {@code type} looks like in YAML. */
  private String expected(Class<?> type) {
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(constant -> mapper.convertValue(constant, String.class)).collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping with the keys " + String.join(", ", keys(type));
  }

  /** The value the parser stopped at, as written in the file. */
  private static String found(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    try {
      return switch (token) {
        case START_ARRAY -> "a list";
        case START_OBJECT, FIELD_NAME -> "a mapping";
        case VALUE_NULL -> "an empty value";
        case VALUE_STRING -> "'" + parser.getText() + "'";
        default -> parser.getText();
      };
    } catch (IOException e) {
      return "an unreadable value";
    }
  }

  /** The keys a type has in YAML, in the order it writes them. */
  private List<String> keys(Class<?> type) {
    return mapper.getDeserializationConfig().introspect(mapper.constructType(type)).findProperties().stream()
        .filter(BeanPropertyDefinition::hasConstructorParameter).map(BeanPropertyDefinition::getName).toList();
  }

  /**
   * The keys of the mapping at {@code mapping} as written, with their lines; those before the first YAML
   * error when the file breaks further down.
   */
  private Map<String, Long> keysWithLines(JsonPointer mapping) {
    Map<String, Long> keys = new LinkedHashMap<>();
    try (JsonParser parser = mapper.createParser(yaml)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().pathAsPointer().equals(mapping)) {
          keys.put(parser.currentName(), line(parser.currentTokenLocation()));
        }
      }
    } catch (IOException e) {
      // the keys read so far are all there is to go on
    }
    return keys;
  }

  private static JsonPointer pointer(List<JsonMappingException.Reference> path) {
    JsonPointer pointer = JsonPointer.empty();
    for (JsonMappingException.Reference ref : path) {
      pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName())
          : pointer.appendIndex(ref.getIndex());
    }
    return pointer;
  }

  /** Where in the file: {@code features[2].presence}, or {@code the top level}. */
  private static String place(List<JsonMappingException.Reference> path) {
    String p = path(path);
    return p.isEmpty() ? "the top level" : p;
  }

  /** The path as {@code features[2].presence.min_fraction}; empty at the top level. */
  private static String path(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static long line(JsonLocation location) {
    return location == null ? -1 : location.getLineNr();
  }
}
