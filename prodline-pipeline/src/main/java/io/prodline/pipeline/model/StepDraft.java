package io.prodline.pipeline.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;

/**
 * A step as written, before validation: names not yet resolved, values not yet checked. The YAML reader and
 * the Java builder both produce these, so one validator judges both.
 *
 * @param inputs input name → {@code step.output}
 * @param locations where each config key ({@code config.<key>}) and input ({@code inputs.<name>}) was written;
 *     missing entries fall back to the step's location
 */
record StepDraft(String name, String component, ObjectNode config, Map<String, String> inputs, RetryPolicy retry,
    Duration timeout, String cacheVersion, Location location, Map<String, Location> locations) {

  Location at(String key) {
    return locations.getOrDefault(key, location);
  }
}
