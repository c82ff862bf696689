package io.prodline.data.drift;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Optional;

/**
 * Comparison of two data sets' statistics, feature by feature: the baseline (previous span, or training data)
 * against the current data (this span, or serving data). Only features present in both with the same kind and
 * with at least one non-missing value on each side are compared; every other feature of either side is listed in
 * {@code notCompared} with the reason, so that none goes unmentioned.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DatasetComparison(long baselineExamples, long currentExamples, List<FeatureComparison> features,
    List<NotCompared> notCompared) {
  public DatasetComparison {
    features = List.copyOf(features);
    notCompared = List.copyOf(notCompared);
  }

  /** Why the named feature was not compared, if it was not. */
  public Optional<NotCompared> notCompared(String name) {
    return notCompared.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The comparison of the named feature, if it was compared. */
  public Optional<FeatureComparison> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
