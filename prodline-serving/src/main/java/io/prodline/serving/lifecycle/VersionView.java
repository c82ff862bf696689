package io.prodline.serving.lifecycle;

/**
 * What an {@link AspiredVersionPolicy} sees of one version: its number, its state and whether the source still
 * wants it.
 */
public record VersionView(long version, VersionState state, boolean aspired) {
  public static VersionView of(long version, VersionState state, boolean aspired) {
    return new VersionView(version, state, aspired);
  }
}
