package io.prodline.serving.lifecycle;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A version a source wants served, and where its loader finds it.
 *
 * @param defaultRoute whether requests that name no version may go to it: false for a version served only because
 *     a label names it, which answers only requests naming it (by label or number)
 */
public record AspiredVersion(long version, Path source, boolean defaultRoute) {
  public AspiredVersion {
    if (version < 1) {
      throw new IllegalArgumentException("versions are positive integers, got " + version);
    }
    Objects.requireNonNull(source, "source");
  }
}
