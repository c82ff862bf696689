package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Threshold of a drift or skew comparison of one feature: exactly one of {@code infinityNorm} (categorical
 * features: L-infinity distance of the value frequencies) or {@code jensenShannonDivergence} (numeric features:
 * base-2 JS divergence of the histograms). A comparison is an anomaly when its value is strictly above the
 * threshold. Definitions in {@code docs/validation.md}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparator(Double infinityNorm, Double jensenShannonDivergence) {
  public Comparator {
    if ((infinityNorm == null) == (jensenShannonDivergence == null)) {
      throw new IllegalArgumentException(
          "a comparator needs exactly one of infinity_norm or jensen_shannon_divergence");
    }
    double threshold = infinityNorm != null ? infinityNorm : jensenShannonDivergence;
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("comparator threshold must be within [0, 1], got " + threshold);
    }
  }

  public static Comparator infinityNorm(double threshold) {
    return new Comparator(threshold, null);
  }

  public static Comparator jensenShannonDivergence(double threshold) {
    return new Comparator(null, threshold);
  }

  /** The kind of feature this comparator applies to. */
  public FeatureKind kind() {
    return infinityNorm != null ? FeatureKind.CATEGORICAL : FeatureKind.NUMERIC;
  }

  /** The threshold, whichever metric it is for. */
  public double threshold() {
    return infinityNorm != null ? infinityNorm : jensenShannonDivergence;
  }
}
