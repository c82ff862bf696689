package io.prodline.metadata.store;

import java.util.Map;
import java.util.Objects;

/**
 * An execution to create: its type (the component), state and cache key. The cache key is the hash of the
 * component version, its configuration and its inputs' fingerprints (null when the step is not cacheable); it is
 * a column of its own, not a property, because the cache lookup must be an indexed query.
 */
public record ExecutionSpec(String type, ExecutionState state, String cacheKey, Map<String, PropertyValue> properties) {
  public ExecutionSpec {
    Names.require(type, "execution type");
    Objects.requireNonNull(state, "state");
    if (cacheKey != null) {
      Names.require(cacheKey, "execution cache key");
    }
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  public static ExecutionSpec of(String type, ExecutionState state, String cacheKey) {
    return new ExecutionSpec(type, state, cacheKey, Map.of());
  }
}
