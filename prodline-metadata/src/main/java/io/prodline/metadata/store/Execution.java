package io.prodline.metadata.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A stored execution: one run of a component, with its state and cache key. */
public record Execution(long id, String type, ExecutionState state, String cacheKey,
    Map<String, PropertyValue> properties, Instant createTime, Instant updateTime) {
  public Execution {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }
}
