package io.prodline.serving.lifecycle;

/** The next step an {@link AspiredVersionPolicy} asks for: load or unload one version. */
public record VersionAction(Kind kind, long version) {
  public enum Kind { LOAD, UNLOAD }

  public static VersionAction load(long version) {
    return new VersionAction(Kind.LOAD, version);
  }

  public static VersionAction unload(long version) {
    return new VersionAction(Kind.UNLOAD, version);
  }
}
