package io.prodline.data.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad an anomaly is: an error means the data is not fit for use; a warning asks a person to look. */
public enum Severity {
  ERROR,
  WARNING;

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
