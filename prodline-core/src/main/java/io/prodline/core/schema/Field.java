package io.prodline.core.schema;

import io.prodline.core.frame.ColumnType;
import java.util.Objects;

/** A named, typed input or output of a model: one entry of a signature. */
public record Field(String name, ColumnType type) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a field needs a non-blank name");
    }
  }
}
