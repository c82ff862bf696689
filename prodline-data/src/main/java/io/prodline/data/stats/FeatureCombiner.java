package io.prodline.data.stats;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;

/**
 * All statistics of one named feature, by column type: {@link NumericFeatureCombiner} for float64 and int64,
 * {@link StringFeatureCombiner} for string and for int64 declared categorical, {@link BoolFeatureCombiner}. It merges only with a combiner of the same class
 * and feature name, and its error bounds are those of the family combiners it holds.
 */
public sealed interface FeatureCombiner extends Combiner<FeatureCombiner, FeatureStatistics>
    permits NumericFeatureCombiner, StringFeatureCombiner, BoolFeatureCombiner {

  /** The feature (column) name. */
  String name();

  /** The feature's column type. */
  ColumnType type();

  /** An empty combiner for a feature of that name and type. */
  static FeatureCombiner create(String name, ColumnType type, StatisticsOptions options) {
    return switch (type) {
      case FLOAT64 -> NumericFeatureCombiner.create(name, type, options);
      case INT64 -> options.categoricalColumns().contains(name)
          ? StringFeatureCombiner.create(name, type, options)
          : NumericFeatureCombiner.create(name, type, options);
      case STRING -> StringFeatureCombiner.create(name, type, options);
      case BOOL -> BoolFeatureCombiner.create(name);
    };
  }

  /** Reads what {@link #toBytes()} of any feature combiner wrote. */
  static FeatureCombiner fromBytes(byte[] bytes) {
    StatisticFormat format = StatisticBytes.formatOf(bytes);
    return switch (format) {
      case NUMERIC_FEATURE -> NumericFeatureCombiner.fromBytes(bytes);
      case STRING_FEATURE -> StringFeatureCombiner.fromBytes(bytes);
      case BOOL_FEATURE -> BoolFeatureCombiner.fromBytes(bytes);
      default -> throw new DataFormatException("statistics bytes", "expected a feature statistics format but found "
          + format);
    };
  }

  /** Casts {@code other} to {@code type}, checking that it describes the same feature. */
  static <T extends FeatureCombiner> T sameFeature(FeatureCombiner self, FeatureCombiner other, Class<T> type) {
    if (!type.isInstance(other) || !other.name().equals(self.name())) {
      throw new IllegalArgumentException("cannot merge statistics of feature '" + other.name() + "' ("
          + other.getClass().getSimpleName() + ") into '" + self.name() + "' (" + type.getSimpleName() + ")");
    }
    return type.cast(other);
  }
}
