package io.prodline.metadata.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A stored artifact: a dataset, statistics, schema, model or any other typed piece of content at a URI. */
public record Artifact(long id, String type, String uri, ArtifactState state, String fingerprint,
    Map<String, PropertyValue> properties, Instant createTime, Instant updateTime) {
  public Artifact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(state, "state");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }
}
