package io.prodline.serving.lifecycle;

/** Which version of a model a request asks for: the default one, a number, or a label. */
public sealed interface VersionSelector {
  /** The model's default version, {@link ModelSnapshot#defaultVersion()}. */
  VersionSelector DEFAULT = new Default();

  static VersionSelector number(long version) {
    return new Number(version);
  }

  static VersionSelector label(String label) {
    return new Label(label);
  }

  record Default() implements VersionSelector {}

  record Number(long version) implements VersionSelector {}

  record Label(String label) implements VersionSelector {}
}
