package io.prodline.data.validation;

import static io.prodline.data.validation.AnomalyType.INFINITE_VALUES;
import static io.prodline.data.validation.AnomalyType.NAN_VALUES;
import static io.prodline.data.validation.AnomalyType.TOO_MANY_MISSING;

import io.prodline.core.frame.ColumnType;
import io.prodline.data.schema.FeatureKind;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.ValueRange;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.MomentStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The checks of one feature's statistics against its schema entry: type and kind, presence, values. */
final class FeatureChecks {
  private FeatureChecks() {}

  static List<Anomaly> check(FeatureSchema schema, FeatureStatistics stats, long examples) {
    String name = schema.name();
    if (!typeFits(schema.type(), stats.type())) {
      return List.of(Anomaly.of(AnomalyType.WRONG_TYPE, Severity.ERROR, name, "Feature '" + name + "' is "
          + stats.type().fileName() + " but the schema expects " + schema.type().fileName() + "."));
    }
    if (FeatureKind.of(stats) != schema.kind()) {
      return List.of(Anomaly.of(AnomalyType.WRONG_TYPE, Severity.ERROR, name, "Feature '" + name + "' has "
          + FeatureKind.of(stats).fileName() + " statistics but the schema declares it "
          + schema.kind().fileName() + (schema.isCategoricalInteger()
              ? "; compute its statistics with the schema's categorical columns (--categorical " + name + ")."
              : ".")));
    }
    List<Anomaly> anomalies = new ArrayList<>();
    double present = (double) stats.common().numNonMissing() / examples;
    double minFraction = schema.presence().minFraction();
    if (present < minFraction) {
      anomalies.add(Anomaly.measured(TOO_MANY_MISSING, name, "Feature '" + name + "' has a value in "
          + percent(present) + " of examples; the schema requires at least " + percent(minFraction) + ".",
          present, minFraction));
    }
    if (!schema.domain().isEmpty()) {
      unexpectedValues(schema, stats).ifPresent(anomalies::add);
    }
    if (stats.numeric() != null) {
      MomentStatistics m = stats.numeric().moments();
      if (schema.range() != null && m.min() != null) {
        outOfRange(name, schema.range(), m).ifPresent(anomalies::add);
      }
      if (!schema.allowNan() && m.numNan() > 0) {
        anomalies.add(Anomaly.measured(NAN_VALUES, name, "Feature '" + name + "' has " + m.numNan()
            + " NaN values; the schema allows none.", m.numNan(), 0));
      }
      long infinite = m.numPositiveInfinity() + m.numNegativeInfinity();
      if (!schema.allowInfinite() && infinite > 0) {
        anomalies.add(Anomaly.measured(INFINITE_VALUES, name, "Feature '" + name + "' has " + infinite
            + " infinite values (" + m.numPositiveInfinity() + " +inf, " + m.numNegativeInfinity()
            + " -inf); the schema allows none.", infinite, 0));
      }
    }
    return anomalies;
  }

  /** Same type, or int64 data for a float64 feature. */
  private static boolean typeFits(ColumnType expected, ColumnType actual) {
    return expected == actual || expected == ColumnType.FLOAT64 && actual == ColumnType.INT64;
  }

  private static Optional<Anomaly> unexpectedValues(FeatureSchema schema, FeatureStatistics stats) {
    if (stats.string() == null) {
      return Optional.empty();
    }
    double present = stats.common().numNonMissing();
    List<UnexpectedValue> unexpected = stats.string().topValues().topValues().stream()
        .filter(vc -> !schema.domain().contains(vc.value()))
        .map(vc -> new UnexpectedValue(vc.value(), vc.count(), vc.count() / present)).toList();
    if (unexpected.isEmpty()) {
      return Optional.empty();
    }
    double share = unexpected.stream().mapToDouble(UnexpectedValue::share).sum();
    String examples = unexpected.stream().limit(5).map(u -> "'" + u.value() + "' (" + u.count() + ")")
        .collect(Collectors.joining(", "));
    return Optional.of(new Anomaly(AnomalyType.UNEXPECTED_VALUES, Severity.ERROR, schema.name(),
        "Feature '" + schema.name() + "' has " + unexpected.size() + " value(s) outside its domain in "
            + percent(share) + " of its values, e.g. " + examples + ".",
        share, null, null, null, unexpected));
  }

  private static Optional<Anomaly> outOfRange(String name, ValueRange range, MomentStatistics m) {
    if (range.contains(m.min()) && range.contains(m.max())) {
      return Optional.empty();
    }
    return Optional.of(new Anomaly(AnomalyType.OUT_OF_RANGE, Severity.ERROR, name,
        "Feature '" + name + "' has values in [" + m.min() + ", " + m.max() + "], outside its range ["
            + (range.min() == null ? "-inf" : range.min()) + ", " + (range.max() == null ? "+inf" : range.max())
            + "].",
        null, null, m.min(), m.max(), null));
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.4g%%", fraction * 100);
  }
}
