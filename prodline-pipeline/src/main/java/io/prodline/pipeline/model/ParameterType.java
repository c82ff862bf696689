package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The value types a component parameter may have. {@link #FILE} is a path, relative to the pipeline file, that
 * must exist when the pipeline is loaded; the cache key takes its content's fingerprint instead of its path, so
 * the same data under another name is still a cache hit.
 */
public enum ParameterType {
  STRING("a string"),
  INTEGER("an integer"),
  NUMBER("a number"),
  BOOLEAN("true or false"),
  FILE("a path to an existing file"),
  STRING_LIST("a list of strings"),
  TYPE_MAP("a map from output name to artifact type");

  private final String description;

  ParameterType(String description) {
    this.description = description;
  }

  /** What a value of this type looks like, for error messages. */
  public String description() {
    return description;
  }

  /** Whether {@code value}'s JSON shape fits this type (the values of a TYPE_MAP are checked by the validator). */
  public boolean accepts(JsonNode value) {
    return switch (this) {
      case STRING, FILE -> value.isTextual();
      case INTEGER -> value.isIntegralNumber();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case STRING_LIST -> value.isArray() && !value.isEmpty()
          && java.util.stream.StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isTextual);
      case TYPE_MAP -> value.isObject();
    };
  }
}
