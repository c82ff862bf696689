package io.prodline.data.validation;

import java.util.List;

/** The anomalies of a data set, errors first, then in schema order; empty when the data fits the schema. */
public record ValidationResult(List<Anomaly> anomalies) {
  public ValidationResult {
    anomalies = List.copyOf(anomalies);
  }

  /** Whether any anomaly is an error: the data is not fit for use. */
  public boolean hasErrors() {
    return anomalies.stream().anyMatch(a -> a.severity() == Severity.ERROR);
  }
}
