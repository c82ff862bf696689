package io.prodline.data.validation;

import io.prodline.data.stats.DatasetStatistics;

/**
 * What to validate against besides the schema.
 *
 * @param environment the environment the data comes from (one of the schema's), or null: every feature expected
 * @param previous statistics of the previous span, for drift checks (features with a {@code drift_comparator});
 *     null for none
 * @param serving statistics of serving data, for skew checks of the validated (training) data (features with a
 *     {@code skew_comparator}); null for none
 */
public record ValidationOptions(String environment, DatasetStatistics previous, DatasetStatistics serving) {
  public static ValidationOptions defaults() {
    return new ValidationOptions(null, null, null);
  }

  public ValidationOptions withEnvironment(String name) {
    return new ValidationOptions(name, previous, serving);
  }

  public ValidationOptions withPrevious(DatasetStatistics statistics) {
    return new ValidationOptions(environment, statistics, serving);
  }

  public ValidationOptions withServing(DatasetStatistics statistics) {
    return new ValidationOptions(environment, previous, statistics);
  }
}
