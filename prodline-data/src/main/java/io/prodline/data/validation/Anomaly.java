package io.prodline.data.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One problem found by {@link ExampleValidator}: its type, severity, feature (null for data-set anomalies) and a
 * sentence for people, plus the evidence that fits the type (absent fields are left out of JSON):
 *
 * @param observed the measured quantity: fraction present (TOO_MANY_MISSING), examples (TOO_FEW_EXAMPLES,
 *     EMPTY_DATASET), NaN or infinite count (NAN_VALUES, INFINITE_VALUES), distance (DRIFT_HIGH, SKEW_HIGH)
 * @param allowed the schema's limit it is compared to (min_fraction, min_examples, threshold)
 * @param observedMin the smallest finite value (OUT_OF_RANGE)
 * @param observedMax the largest finite value (OUT_OF_RANGE)
 * @param unexpectedValues values outside the domain, most frequent first (UNEXPECTED_VALUES)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Anomaly(
    AnomalyType type,
    Severity severity,
    String feature,
    String description,
    Double observed,
    Double allowed,
    Double observedMin,
    Double observedMax,
    List<UnexpectedValue> unexpectedValues) {

  public Anomaly {
    unexpectedValues = unexpectedValues == null ? List.of() : List.copyOf(unexpectedValues);
  }

  /** An anomaly whose evidence is in its description only. */
  static Anomaly of(AnomalyType type, Severity severity, String feature, String description) {
    return new Anomaly(type, severity, feature, description, null, null, null, null, null);
  }

  /** An error with an observed quantity and the limit it broke. */
  static Anomaly measured(AnomalyType type, String feature, String description, double observed, double allowed) {
    return new Anomaly(type, Severity.ERROR, feature, description, observed, allowed, null, null, null);
  }
}
