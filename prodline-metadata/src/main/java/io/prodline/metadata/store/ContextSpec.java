package io.prodline.metadata.store;

import java.util.Map;

/** A context to create: a pipeline, run or experiment (its type) with a name unique within that type. */
public record ContextSpec(String type, String name, Map<String, PropertyValue> properties) {
  public ContextSpec {
    Names.require(type, "context type");
    Names.require(name, "context name");
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  public static ContextSpec of(String type, String name) {
    return new ContextSpec(type, name, Map.of());
  }
}
