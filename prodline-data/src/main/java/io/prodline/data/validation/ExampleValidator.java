package io.prodline.data.validation;

import io.prodline.core.error.ProdlineException;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ExampleValidator: the anomalies of a data set's statistics against a schema, and optionally its drift from
 * the previous span and its skew from serving data. The catalog of anomaly types is {@link AnomalyType};
 * features not expected in the given environment are neither required nor checked.
 */
public final class ExampleValidator {
  private ExampleValidator() {}

  public static ValidationResult validate(DatasetStatistics statistics, Schema schema, ValidationOptions options) {
    String environment = options.environment();
    if (environment != null && !schema.environments().contains(environment)) {
      throw new ProdlineException("environment '" + environment + "' is not one of the schema's environments "
          + schema.environments());
    }
    long examples = statistics.numExamples();
    if (examples == 0) {
      return new ValidationResult(List.of(Anomaly.measured(AnomalyType.EMPTY_DATASET, null,
          "The data set has no examples.", 0, Math.max(1, schema.minExamples()))));
    }
    List<Anomaly> anomalies = new ArrayList<>();
    if (examples < schema.minExamples()) {
      anomalies.add(Anomaly.measured(AnomalyType.TOO_FEW_EXAMPLES, null, "The data set has " + examples
          + " examples; the schema requires at least " + schema.minExamples() + ".", examples,
          schema.minExamples()));
    }
    for (FeatureStatistics f : statistics.features()) {
      if (schema.feature(f.name()).isEmpty()) {
        anomalies.add(Anomaly.of(AnomalyType.NEW_COLUMN, Severity.ERROR, f.name(), "Column '" + f.name()
            + "' (" + f.type().fileName() + ") is not in the schema."));
      }
    }
    for (FeatureSchema feature : schema.features()) {
      if (!feature.expectedIn(environment)) {
        continue;
      }
      Optional<FeatureStatistics> stats = find(statistics, feature.name());
      if (stats.isEmpty()) {
        boolean required = feature.presence().required();
        anomalies.add(Anomaly.of(AnomalyType.MISSING_COLUMN, required ? Severity.ERROR : Severity.WARNING,
            feature.name(), "Column '" + feature.name() + "' of the schema is missing from the data"
                + (environment == null ? "." : " in environment " + environment + ".")));
      } else {
        anomalies.addAll(FeatureChecks.check(feature, stats.get(), examples));
      }
    }
    if (options.previous() != null) {
      anomalies.addAll(ComparisonChecks.drift(schema, environment,
          DistributionComparison.compare(options.previous(), statistics)));
    }
    if (options.serving() != null) {
      anomalies.addAll(ComparisonChecks.skew(schema, environment,
          DistributionComparison.compare(statistics, options.serving())));
    }
    anomalies.sort(Comparator.comparing(Anomaly::severity));
    return new ValidationResult(anomalies);
  }

  private static Optional<FeatureStatistics> find(DatasetStatistics statistics, String name) {
    return statistics.features().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
