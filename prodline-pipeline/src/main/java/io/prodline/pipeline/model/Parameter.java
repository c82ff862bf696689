package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One configuration key of a component: its type, whether it must be given, its default and what it means. The
 * validator checks steps against these, the JSON Schema is generated from them, and defaults are filled in before
 * the cache key is computed, so writing a default out explicitly does not change the key.
 *
 * @param defaultValue the value when the key is left out; null when there is none
 */
public record Parameter(String name, ParameterType type, boolean required, JsonNode defaultValue,
    String description) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("parameter " + name + " is required, so it cannot have a default");
    }
  }

  public static Parameter required(String name, ParameterType type, String description) {
    return new Parameter(name, type, true, null, description);
  }

  public static Parameter optional(String name, ParameterType type, String description) {
    return new Parameter(name, type, false, null, description);
  }

  public static Parameter withDefault(String name, String value, String description) {
    return new Parameter(name, ParameterType.STRING, false, JsonNodeFactory.instance.textNode(value), description);
  }

  public static Parameter withDefault(String name, long value, String description) {
    return new Parameter(name, ParameterType.INTEGER, false, JsonNodeFactory.instance.numberNode(value),
        description);
  }

  public static Parameter withDefault(String name, double value, String description) {
    return new Parameter(name, ParameterType.NUMBER, false, JsonNodeFactory.instance.numberNode(value), description);
  }

  public static Parameter withDefault(String name, boolean value, String description) {
    return new Parameter(name, ParameterType.BOOLEAN, false, JsonNodeFactory.instance.booleanNode(value),
        description);
  }
}
