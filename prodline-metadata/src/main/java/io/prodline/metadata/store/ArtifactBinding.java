package io.prodline.metadata.store;

import java.util.Objects;

/** An artifact bound to an execution's input or output {@code key} at {@code index}; becomes one {@link Event}. */
public record ArtifactBinding(String key, int index, ArtifactRef artifact) {
  public ArtifactBinding {
    Names.require(key, "input/output key");
    if (index < 0) {
      throw new MetadataException("input/output '" + key + "' has index " + index + "; indexes start at 0");
    }
    Objects.requireNonNull(artifact, "artifact");
  }

  public static ArtifactBinding of(String key, ArtifactRef artifact) {
    return new ArtifactBinding(key, 0, artifact);
  }
}
