package io.prodline.core.frame;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The physical types a {@link Column} can hold. Strings are stored as dictionary codes. */
public enum ColumnType {
  FLOAT64,
  INT64,
  BOOL,
  STRING;

  /** True for the types a model can consume as a number without a vocabulary. */
  public boolean isNumeric() {
    return this != STRING;
  }

  /** The lower-case name used in files (bundle.yaml, schemas): {@code float64}, {@code int64}, ... */
  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ColumnType fromFileName(String name) {
    for (ColumnType t : values()) {
      if (t.fileName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown column type '" + name + "': expected one of float64, int64, bool, string");
  }
}
