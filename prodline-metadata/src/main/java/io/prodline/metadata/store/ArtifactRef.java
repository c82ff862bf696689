package io.prodline.metadata.store;

import java.util.Objects;

/** An artifact taking part in a recorded execution: one already stored, or one to create in the same transaction. */
public sealed interface ArtifactRef {
  static ArtifactRef existing(long id) {
    return new Existing(id);
  }

  static ArtifactRef create(ArtifactSpec spec) {
    return new New(spec);
  }

  record Existing(long id) implements ArtifactRef {}

  record New(ArtifactSpec spec) implements ArtifactRef {
    public New {
      Objects.requireNonNull(spec, "spec");
    }
  }
}
