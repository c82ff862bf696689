package io.prodline.data.validation;

import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.drift.FeatureComparison;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Drift and skew checks: the features that have a comparator are compared (L-infinity for categorical, JS
 * divergence for numeric) and an anomaly is raised when the distance is strictly above the threshold.
 */
final class ComparisonChecks {
  private ComparisonChecks() {}

  /** Drift: the previous span is the baseline, the validated data the current side. */
  static List<Anomaly> drift(Schema schema, String environment, DatasetStatistics previous,
      DatasetStatistics current) {
    return check(schema, environment, DistributionComparison.compare(previous, current), AnomalyType.DRIFT_HIGH,
        FeatureSchema::driftComparator, "previous span");
  }

  /** Skew: the validated (training) data is the baseline, serving data the current side. */
  static List<Anomaly> skew(Schema schema, String environment, DatasetStatistics training,
      DatasetStatistics serving) {
    return check(schema, environment, DistributionComparison.compare(training, serving), AnomalyType.SKEW_HIGH,
        FeatureSchema::skewComparator, "serving data");
  }

  private static List<Anomaly> check(Schema schema, String environment, DatasetComparison comparison,
      AnomalyType type, Function<FeatureSchema, Comparator> comparatorOf, String other) {
    List<Anomaly> anomalies = new ArrayList<>();
    for (FeatureSchema feature : schema.features()) {
      Comparator comparator = comparatorOf.apply(feature);
      Optional<FeatureComparison> compared = comparison.feature(feature.name());
      if (comparator == null || compared.isEmpty() || !feature.expectedIn(environment)) {
        continue;
      }
      double distance = distance(compared.get());
      if (distance > comparator.threshold()) {
        String metric = compared.get().categorical() != null ? "L-infinity distance" : "Jensen-Shannon divergence";
        anomalies.add(Anomaly.measured(type, feature.name(), String.format(Locale.ROOT,
            "Feature '%s' has a %s of %.4g from the %s, above its threshold %.4g.", feature.name(), metric,
            distance, other, comparator.threshold()), distance, comparator.threshold()));
      }
    }
    return anomalies;
  }

  private static double distance(FeatureComparison c) {
    return c.categorical() != null ? c.categorical().infinityNorm() : c.numeric().jensenShannonDivergence();
  }
}
