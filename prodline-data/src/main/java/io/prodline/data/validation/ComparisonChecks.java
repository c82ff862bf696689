package io.prodline.data.validation;

import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.FeatureComparison;
import io.prodline.data.drift.NotCompared;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Drift and skew checks: the features that have a comparator are compared (L-infinity for categorical, JS
 * divergence for numeric) and an anomaly is raised when the distance is strictly above the threshold.
 *
 * <p>Public so that a comparison computed once (e.g. by {@code prodline data compare}, which also reports it)
 * is checked without being computed again; {@link ExampleValidator} uses the same checks.
 */
public final class ComparisonChecks {
  private ComparisonChecks() {}

  /**
   * Drift: {@code previousVsCurrent} compares the previous span (baseline) with the current data; features with
   * a {@code drift_comparator}, expected in {@code environment} (null: every feature), are checked.
   */
  public static List<Anomaly> drift(Schema schema, String environment, DatasetComparison previousVsCurrent) {
    return check(schema, environment, previousVsCurrent, AnomalyType.DRIFT_HIGH, FeatureSchema::driftComparator,
        "previous span");
  }

  /**
   * Skew: {@code trainingVsServing} compares training data (baseline) with serving data; features with a
   * {@code skew_comparator}, expected in {@code environment} (null: every feature), are checked.
   */
  public static List<Anomaly> skew(Schema schema, String environment, DatasetComparison trainingVsServing) {
    return check(schema, environment, trainingVsServing, AnomalyType.SKEW_HIGH, FeatureSchema::skewComparator,
        "serving data");
  }

  /** The distance a comparator's threshold applies to: L-infinity for categorical, JS divergence for numeric. */
  public static double distance(FeatureComparison c) {
    return c.categorical() != null ? c.categorical().infinityNorm() : c.numeric().jensenShannonDivergence();
  }

  private static List<Anomaly> check(Schema schema, String environment, DatasetComparison comparison,
      AnomalyType type, Function<FeatureSchema, Comparator> comparatorOf, String other) {
    List<Anomaly> anomalies = new ArrayList<>();
    for (FeatureSchema feature : schema.features()) {
      Comparator comparator = comparatorOf.apply(feature);
      if (comparator == null || !feature.expectedIn(environment)) {
        continue;
      }
      Optional<FeatureComparison> compared = comparison.feature(feature.name());
      if (compared.isEmpty()) {
        String reason = comparison.notCompared(feature.name()).map(NotCompared::reason)
            .orElse("it is in neither data set");
        anomalies.add(Anomaly.of(AnomalyType.NOT_COMPARED, Severity.ERROR, feature.name(), "Feature '"
            + feature.name() + "' has a threshold but was not compared with the " + other + ": " + reason + "."));
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
}
