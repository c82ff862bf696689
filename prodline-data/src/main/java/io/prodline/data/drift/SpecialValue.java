package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonValue;

/** Non-finite numeric values, compared as categories of their own next to the histogram buckets. */
public enum SpecialValue {
  NAN("nan"),
  POSITIVE_INFINITY("positive_infinity"),
  NEGATIVE_INFINITY("negative_infinity");

  private final String fileName;

  SpecialValue(String fileName) {
    this.fileName = fileName;
  }

  @JsonValue
  public String fileName() {
    return fileName;
  }
}
