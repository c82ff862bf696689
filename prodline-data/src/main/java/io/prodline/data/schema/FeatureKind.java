package io.prodline.data.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.prodline.core.frame.ColumnType;
import io.prodline.data.stats.FeatureStatistics;
import java.util.Locale;

/**
 * How a feature's values are compared: as numbers on a line ({@code numeric}: float64, int64) or as labels
 * ({@code categorical}: string, bool, and int64 codes declared categorical). The kind decides the domain/range
 * checks and the drift metric.
 */
public enum FeatureKind {
  NUMERIC,
  CATEGORICAL;

  /** The default kind of a type: numeric for float64 and int64, categorical otherwise. */
  public static FeatureKind of(ColumnType type) {
    return type == ColumnType.FLOAT64 || type == ColumnType.INT64 ? NUMERIC : CATEGORICAL;
  }

  /** The kind a feature's statistics were computed as: numeric when they hold moments and quantiles. */
  public static FeatureKind of(FeatureStatistics statistics) {
    return statistics.numeric() != null ? NUMERIC : CATEGORICAL;
  }

  /** Whether a feature of {@code type} may be of this kind: its default kind, or categorical for int64. */
  public boolean fits(ColumnType type) {
    return this == of(type) || this == CATEGORICAL && type == ColumnType.INT64;
  }

  @JsonValue
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static FeatureKind fromFileName(String name) {
    for (FeatureKind k : values()) {
      if (k.fileName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kind '" + name + "': expected numeric or categorical");
  }
}
