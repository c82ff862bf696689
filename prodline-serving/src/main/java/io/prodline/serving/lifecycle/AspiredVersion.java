package io.prodline.serving.lifecycle;

import java.nio.file.Path;
import java.util.Objects;

/** A version a source wants served, and where its loader finds it. */
public record AspiredVersion(long version, Path source) {
  public AspiredVersion {
    if (version < 1) {
      throw new IllegalArgumentException("versions are positive integers, got " + version);
    }
    Objects.requireNonNull(source, "source");
  }
}
