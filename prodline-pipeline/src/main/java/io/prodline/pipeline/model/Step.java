package io.prodline.pipeline.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One validated node of the DAG: a component with its configuration and connected inputs, and how to run it.
 *
 * @param timeout the longest one attempt may take; null for no limit
 * @param cacheVersion part of the cache key: change it to force this step (and so everything downstream) to run
 */
public record Step(String name, Component component, StepConfig config, Map<String, InputRef> inputs,
    Signature signature, RetryPolicy retry, Duration timeout, String cacheVersion, Location location) {
  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(component, "component");
    inputs = Map.copyOf(inputs);
    Objects.requireNonNull(retry, "retry");
    cacheVersion = cacheVersion == null ? "" : cacheVersion;
  }
}
