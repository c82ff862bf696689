package io.prodline.metadata.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An execution read ({@link EventType#INPUT}) or produced ({@link EventType#OUTPUT}) an artifact under a key
 * (the component's input or output name) at an index (its position when the key names a list). Lineage is the
 * graph these edges draw.
 */
public record Event(long artifactId, long executionId, EventType type, String key, int index, Instant time) {
  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(time, "time");
  }
}
