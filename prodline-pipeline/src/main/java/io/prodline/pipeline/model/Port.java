package io.prodline.pipeline.model;

import java.util.Objects;

/**
 * A named input or output of a component. {@code type} null means any type (a command component's inputs);
 * an optional input may be left unconnected.
 */
public record Port(String name, ArtifactType type, boolean optional) {
  public Port {
    Objects.requireNonNull(name, "name");
  }

  public static Port of(String name, ArtifactType type) {
    return new Port(name, type, false);
  }

  public static Port optional(String name, ArtifactType type) {
    return new Port(name, type, true);
  }

  /** Whether an artifact of {@code actual} type may be connected here. */
  public boolean accepts(ArtifactType actual) {
    return type == null || type == actual;
  }

  /** The type as written in messages: its name, or {@code any}. */
  public String typeText() {
    return type == null ? "any" : type.typeName();
  }
}
