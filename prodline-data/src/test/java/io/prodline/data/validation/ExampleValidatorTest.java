package io.prodline.data.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.FeatureKind;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Presence;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.ValueRange;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each anomaly type of the catalog, triggered by a crafted frame against a hand-written schema. */
class ExampleValidatorTest {
  private static final Schema SCHEMA = new Schema(3, List.of("TRAINING", "SERVING"), List.of(
      feature("x", ColumnType.FLOAT64, new Presence(0.9, true), List.of(), new ValueRange(0.0, 10.0), List.of()),
      feature("s", ColumnType.STRING, new Presence(1, true), List.of("a", "b"), null, List.of()),
      feature("label", ColumnType.STRING, new Presence(1, true), List.of("no", "yes"), null, List.of("SERVING")),
      feature("opt", ColumnType.INT64, new Presence(0, false), List.of(), null, List.of())));

  private static FeatureSchema feature(String name, ColumnType type, Presence presence, List<String> domain,
      ValueRange range, List<String> notIn) {
    return new FeatureSchema(name, type, FeatureKind.of(type), presence, domain, range, false, false, notIn, null,
        null);
  }

  /** A clean frame of 4 rows, with the named columns replaced or (for a null column) dropped. */
  private static DatasetStatistics stats(Object... replacements) {
    List<String> names = new ArrayList<>(List.of("x", "s", "label", "opt"));
    List<Column> columns = new ArrayList<>(List.of(Float64Column.of(1, 2, 3, 4), StringColumn.of("a", "b", "a", "b"),
        StringColumn.of("yes", "no", "yes", "no"), Int64Column.of(1, 2, 3, 4)));
    for (int i = 0; i < replacements.length; i += 2) {
      String name = (String) replacements[i];
      int index = names.indexOf(name);
      if (replacements[i + 1] == null) {
        names.remove(index);
        columns.remove(index);
      } else if (index < 0) {
        names.add(name);
        columns.add((Column) replacements[i + 1]);
      } else {
        columns.set(index, (Column) replacements[i + 1]);
      }
    }
    return statistics(Frame.of(names, columns));
  }

  private static DatasetStatistics statistics(Frame frame) {
    return new StatisticsCollector(StatisticsOptions.defaults().withThreads(1)).collect(List.of(frame).iterator());
  }

  private static List<Anomaly> validate(DatasetStatistics stats) {
    return ExampleValidator.validate(stats, SCHEMA, ValidationOptions.defaults()).anomalies();
  }

  private static Column floats(Double... values) {
    ColumnBuilder b = Column.builder(ColumnType.FLOAT64);
    for (Double v : values) {
      b.appendObject(v);
    }
    return b.build();
  }

  @Test
  void cleanDataHasNoAnomaly() {
    ValidationResult result = ExampleValidator.validate(stats(), SCHEMA, ValidationOptions.defaults());
    assertThat(result.anomalies()).isEmpty();
    assertThat(result.hasErrors()).isFalse();
  }

  @Test
  void emptyDataset() {
    Frame empty = Frame.of(List.of("x"), List.of(Float64Column.of()));
    assertThat(validate(statistics(empty))).extracting(Anomaly::type, Anomaly::severity, Anomaly::observed)
        .containsExactly(tuple(AnomalyType.EMPTY_DATASET, Severity.ERROR, 0.0));
  }

  @Test
  void tooFewExamples() {
    Frame two = Frame.of(List.of("x", "s", "label", "opt"), List.of(Float64Column.of(1, 2), StringColumn.of("a", "b"),
        StringColumn.of("yes", "no"), Int64Column.of(1, 2)));
    assertThat(validate(statistics(two))).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.TOO_FEW_EXAMPLES);
      assertThat(a.observed()).isEqualTo(2.0);
      assertThat(a.allowed()).isEqualTo(3.0);
      assertThat(a.description()).isEqualTo("The data set has 2 examples; the schema requires at least 3.");
    });
  }

  @Test
  void newColumn() {
    assertThat(validate(stats("extra", Float64Column.of(0, 0, 0, 0))))
        .extracting(Anomaly::type, Anomaly::severity, Anomaly::feature)
        .containsExactly(tuple(AnomalyType.NEW_COLUMN, Severity.ERROR, "extra"));
  }

  @Test
  void missingColumnIsAnErrorWhenRequiredAndAWarningOtherwise() {
    assertThat(validate(stats("s", null, "opt", null)))
        .extracting(Anomaly::type, Anomaly::severity, Anomaly::feature)
        .containsExactly(tuple(AnomalyType.MISSING_COLUMN, Severity.ERROR, "s"),
            tuple(AnomalyType.MISSING_COLUMN, Severity.WARNING, "opt"));
  }

  @Test
  void wrongTypeButInt64FitsFloat64() {
    assertThat(validate(stats("s", Float64Column.of(1, 2, 3, 4)))).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.WRONG_TYPE);
      assertThat(a.description()).isEqualTo("Feature 's' is float64 but the schema expects string.");
    });
    assertThat(validate(stats("x", Int64Column.of(1, 2, 3, 4)))).isEmpty();
  }

  @Test
  void tooManyMissing() {
    assertThat(validate(stats("x", floats(1.0, null, 3.0, 4.0)))).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.TOO_MANY_MISSING);
      assertThat(a.observed()).isEqualTo(0.75);
      assertThat(a.allowed()).isEqualTo(0.9);
      assertThat(a.description()).isEqualTo(
          "Feature 'x' has a value in 75.00% of examples; the schema requires at least 90.00%.");
    });
  }

  @Test
  void unexpectedValuesWithExamples() {
    assertThat(validate(stats("s", StringColumn.of("a", "c", "c", "d")))).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.UNEXPECTED_VALUES);
      assertThat(a.unexpectedValues()).containsExactly(new UnexpectedValue("c", 2, 0.5),
          new UnexpectedValue("d", 1, 0.25));
      assertThat(a.observed()).isEqualTo(0.75);
      assertThat(a.description()).isEqualTo(
          "Feature 's' has 2 value(s) outside its domain in 75.00% of its values, e.g. 'c' (2), 'd' (1).");
    });
  }

  @Test
  void outOfRange() {
    assertThat(validate(stats("x", Float64Column.of(-1, 2, 3, 11)))).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.OUT_OF_RANGE);
      assertThat(a.observedMin()).isEqualTo(-1.0);
      assertThat(a.observedMax()).isEqualTo(11.0);
    });
  }

  @Test
  void nanAndInfiniteValuesWhenForbidden() {
    assertThat(validate(stats("x", Float64Column.of(1, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY)))).extracting(Anomaly::type, Anomaly::observed)
        .containsExactly(tuple(AnomalyType.NAN_VALUES, 1.0), tuple(AnomalyType.INFINITE_VALUES, 2.0));
  }

  @Test
  void theLabelMayBeAbsentAtServingButNotInTraining() {
    DatasetStatistics noLabel = stats("label", null);
    assertThat(ExampleValidator.validate(noLabel, SCHEMA, ValidationOptions.defaults().withEnvironment("SERVING"))
        .anomalies()).isEmpty();
    assertThat(ExampleValidator.validate(noLabel, SCHEMA, ValidationOptions.defaults().withEnvironment("TRAINING"))
        .anomalies()).extracting(Anomaly::type, Anomaly::feature)
        .containsExactly(tuple(AnomalyType.MISSING_COLUMN, "label"));
    assertThatThrownBy(() -> ExampleValidator.validate(noLabel, SCHEMA,
        ValidationOptions.defaults().withEnvironment("STAGING")))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("'STAGING' is not one of");
  }

  @Test
  void driftIsAnAnomalyOnlyStrictlyAboveTheThreshold() {
    // s: previous a a b b (1/2, 1/2), current a a a b (3/4, 1/4): L-infinity exactly 1/4.
    DatasetStatistics previous = stats();
    DatasetStatistics current = stats("s", StringColumn.of("a", "a", "a", "b"));
    ValidationOptions options = ValidationOptions.defaults().withPrevious(previous);
    FeatureSchema s = SCHEMA.feature("s").orElseThrow();

    Schema atThreshold = SCHEMA.withFeature(s.withDriftComparator(Comparator.infinityNorm(0.25)));
    assertThat(ExampleValidator.validate(current, atThreshold, options).anomalies()).isEmpty();

    Schema below = SCHEMA.withFeature(s.withDriftComparator(Comparator.infinityNorm(Math.nextDown(0.25))));
    assertThat(ExampleValidator.validate(current, below, options).anomalies()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.DRIFT_HIGH);
      assertThat(a.observed()).isEqualTo(0.25);
      assertThat(a.description()).startsWith(
          "Feature 's' has a L-infinity distance of 0.2500 from the previous span, above its threshold");
    });
  }

  @Test
  void aFeatureWithAThresholdThatCannotBeComparedIsAnAnomaly() {
    // x turned to text in the current data: its drift cannot be measured, which must not pass silently.
    DatasetStatistics previous = stats();
    Schema schema = SCHEMA.withFeature(SCHEMA.feature("x").orElseThrow()
        .withDriftComparator(Comparator.jensenShannonDivergence(0.1)));
    DatasetComparison comparison = DistributionComparison.compare(previous,
        stats("x", StringColumn.of("1", "2", "three", "4")));

    assertThat(ComparisonChecks.drift(schema, null, comparison)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(AnomalyType.NOT_COMPARED);
      assertThat(a.severity()).isEqualTo(Severity.ERROR);
      assertThat(a.description()).isEqualTo("Feature 'x' has a threshold but was not compared with the previous "
          + "span: it is numeric (float64) in the baseline but categorical (string) in the current data.");
    });
  }

  @Test
  void skewOfANumericFeatureUsesItsJensenShannonDivergence() {
    DatasetStatistics training = stats();
    DatasetStatistics serving = stats("x", Float64Column.of(1, 1, 1, 4), "label", null);
    double divergence = DistributionComparison.compare(training, serving).feature("x").orElseThrow().numeric()
        .jensenShannonDivergence();
    assertThat(divergence).isPositive();
    FeatureSchema x = SCHEMA.feature("x").orElseThrow();
    ValidationOptions options = ValidationOptions.defaults().withServing(serving);

    Schema atThreshold = SCHEMA.withFeature(x.withSkewComparator(Comparator.jensenShannonDivergence(divergence)));
    assertThat(ExampleValidator.validate(training, atThreshold, options).anomalies()).isEmpty();

    Schema below = SCHEMA.withFeature(x.withSkewComparator(
        Comparator.jensenShannonDivergence(Math.nextDown(divergence))));
    assertThat(ExampleValidator.validate(training, below, options).anomalies())
        .extracting(Anomaly::type, Anomaly::feature, Anomaly::observed)
        .containsExactly(tuple(AnomalyType.SKEW_HIGH, "x", divergence));
  }

  @Test
  void errorsComeBeforeWarnings() {
    assertThat(validate(stats("opt", null, "extra", Float64Column.of(0, 0, 0, 0))))
        .extracting(Anomaly::severity).containsExactly(Severity.ERROR, Severity.WARNING);
  }
}
