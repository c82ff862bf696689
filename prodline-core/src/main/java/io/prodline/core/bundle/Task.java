package io.prodline.core.bundle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a model predicts; decides the shape of its predictions and the metrics that judge it. */
public enum Task {
  /** Two classes; a prediction is the probability of the second class in {@code classes}. */
  BINARY_CLASSIFICATION,
  /** Three or more classes; a prediction is one probability per class, in the order of {@code classes}. */
  MULTICLASS_CLASSIFICATION,
  /** A real number. */
  REGRESSION;

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Task fromFileName(String name) {
    for (Task t : values()) {
      if (t.fileName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task '" + name
        + "': expected binary_classification, multiclass_classification or regression");
  }

  public boolean isClassification() {
    return this != REGRESSION;
  }
}
