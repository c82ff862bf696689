package io.prodline.metadata.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A model name under which versions are registered, with its aliases (alias → version) and tags. */
public record RegisteredModel(String name, String description, int latestVersion, Map<String, Integer> aliases,
    Map<String, String> tags, Instant createTime, Instant updateTime) {
  public RegisteredModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    aliases = Map.copyOf(aliases);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(createTime, "createTime");
    Objects.requireNonNull(updateTime, "updateTime");
  }
}
