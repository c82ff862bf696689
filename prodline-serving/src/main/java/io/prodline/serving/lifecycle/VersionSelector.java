package io.prodline.serving.lifecycle;

/** Which version of a model a request asks for: the default one, a number, or a label. */
public sealed interface VersionSelector {
  /** The highest available version. */
  VersionSelector LATEST = new Latest();

  static VersionSelector number(long version) {
    return new Number(version);
  }

  static VersionSelector label(String label) {
    return new Label(label);
  }

  record Latest() implements VersionSelector {}

  record Number(long version) implements VersionSelector {}

  record Label(String label) implements VersionSelector {}
}
