package io.prodline.data.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The catalog of anomalies; each is documented with its default severity in {@code docs/validation.md}. */
public enum AnomalyType {
  /** The data set has no examples at all (error); no other check runs. */
  EMPTY_DATASET,
  /** Fewer examples than the schema's {@code min_examples} (error). */
  TOO_FEW_EXAMPLES,
  /** A column of the data is not in the schema (error). */
  NEW_COLUMN,
  /**
   * A schema feature expected in this environment has no column in the data: an error when the feature is
   * {@code required}, a warning otherwise.
   */
  MISSING_COLUMN,
  /**
   * The column's type differs from the schema's (error); an int64 column for a float64 feature is accepted.
   * No other check of the feature runs.
   */
  WRONG_TYPE,
  /** The fraction of examples with a value is below the feature's {@code presence.min_fraction} (error). */
  TOO_MANY_MISSING,
  /** A string feature holds values outside its {@code domain} (error); examples with counts and shares given. */
  UNEXPECTED_VALUES,
  /** A numeric feature's observed min or max lies outside its {@code range} (error). */
  OUT_OF_RANGE,
  /** A numeric feature holds NaN although {@code allow_nan} is false (error). */
  NAN_VALUES,
  /** A numeric feature holds +infinity or -infinity although {@code allow_infinite} is false (error). */
  INFINITE_VALUES,
  /**
   * The feature's distance from the previous span is strictly above its {@code drift_comparator} threshold
   * (error).
   */
  DRIFT_HIGH,
  /**
   * The feature's distance between training and serving data is strictly above its {@code skew_comparator}
   * threshold (error).
   */
  SKEW_HIGH,
  /**
   * A feature with a drift or skew comparator could not be compared (error): it is absent from one side, of a
   * different kind on each side, or has no value on one side. A threshold that was asked for is never skipped
   * silently.
   */
  NOT_COMPARED;

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
