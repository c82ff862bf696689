package io.prodline.metadata.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A stored context: a group of artifacts and executions, such as one pipeline, one run or one experiment. */
public record Context(long id, String type, String name, Map<String, PropertyValue> properties, Instant createTime) {
  public Context {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(createTime, "createTime");
  }
}
