package io.prodline.metadata.store;

import java.util.Objects;

/**
 * A context a recorded execution belongs to: one already stored, or one to create in the same transaction (which
 * fails, and rolls the whole record back, when a context of that type and name exists).
 */
public sealed interface ContextRef {
  static ContextRef existing(long id) {
    return new Existing(id);
  }

  static ContextRef create(ContextSpec spec) {
    return new New(spec);
  }

  record Existing(long id) implements ContextRef {}

  record New(ContextSpec spec) implements ContextRef {
    public New {
      Objects.requireNonNull(spec, "spec");
    }
  }
}
