package io.prodline.data.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.data.drift.CategoricalComparison;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.drift.FeatureComparison;
import io.prodline.data.schema.FeatureKind;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.InferenceOptions;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaInference;
import io.prodline.data.schema.SchemaYaml;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** An int64 column of codes declared categorical: schema YAML, inference, domain checks and L-infinity drift. */
class CategoricalIntegerChecksTest {
  private static final StatisticsOptions CATEGORICAL_CODE =
      StatisticsOptions.defaults().withCategoricalColumns(Set.of("code")).withThreads(2);

  /** One frame of {@code rows} codes drawn with the given weights over codes 0, 1, 2, ...; every 10th row null. */
  private static Frame codes(Random random, int rows, double... weights) {
    Int64Column.Builder code = new Int64Column.Builder();
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    for (int row = 0; row < rows; row++) {
      if (row % 10 == 0) {
        code.appendNull();
        continue;
      }
      double u = random.nextDouble() * total;
      int value = 0;
      while (value < weights.length - 1 && u >= weights[value]) {
        u -= weights[value++];
      }
      code.append(value);
    }
    return Frame.of(List.of("code"), List.<Column>of(code.build()));
  }

  private static Map<Long, Long> counts(Frame frame) {
    Map<Long, Long> counts = new TreeMap<>();
    Int64Column c = (Int64Column) frame.column("code");
    for (int row = 0; row < c.size(); row++) {
      if (!c.isNull(row)) {
        counts.merge(c.value(row), 1L, Long::sum);
      }
    }
    return counts;
  }

  private static DatasetStatistics statistics(Frame frame, StatisticsOptions options) {
    return new StatisticsCollector(options).collect(List.of(frame).iterator());
  }

  @Test
  void schemaYamlTakesIntegerDomainsAndRejectsOtherValues() {
    String yaml = """
        min_examples: 1
        features:
        - name: code
          type: int64
          kind: categorical
          presence: {min_fraction: 0.5, required: true}
          domain: [-3, 7, 10]
          allow_nan: false
          allow_infinite: false
          drift_comparator: {infinity_norm: 0.1}
        """;
    Schema schema = SchemaYaml.read(yaml, "schema.yaml");

    FeatureSchema code = schema.feature("code").orElseThrow();
    assertThat(code.domain()).containsExactly("-3", "7", "10");
    assertThat(code.isCategoricalInteger()).isTrue();
    assertThat(schema.categoricalIntegerFeatures()).containsExactly("code");
    assertThat(SchemaYaml.read(SchemaYaml.write(schema), "written")).isEqualTo(schema);
    assertThatThrownBy(() -> SchemaYaml.read(yaml.replace("[-3, 7, 10]", "[1, x]"), "schema.yaml"))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("integers like 42 or -7, not 'x'");
    assertThatThrownBy(() -> SchemaYaml.read(yaml.replace("[-3, 7, 10]", "[1.5]"), "schema.yaml"))
        .hasMessageContaining("not '1.5'");
    assertThatThrownBy(() -> SchemaYaml.read(yaml.replace("kind: categorical", "kind: numeric"), "schema.yaml"))
        .hasMessageContaining("a domain applies to string and categorical int64 features only");
    assertThatThrownBy(() -> SchemaYaml.read(yaml.replace("type: int64", "type: float64"), "schema.yaml"))
        .hasMessageContaining("kind categorical does not fit type float64");
  }

  @Test
  void inferenceGivesKindCategoricalAndANumericallySortedDomain() {
    Frame frame = codes(new Random(1), 5_000, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    Schema schema = SchemaInference.infer(statistics(frame, CATEGORICAL_CODE), InferenceOptions.defaults());

    FeatureSchema code = schema.feature("code").orElseThrow();
    assertThat(code.kind()).isEqualTo(FeatureKind.CATEGORICAL);
    assertThat(code.domain()).isEqualTo(counts(frame).keySet().stream().map(String::valueOf).toList())
        .startsWith("0", "1", "2").endsWith("10", "11");
    assertThat(SchemaInference.infer(statistics(frame, StatisticsOptions.defaults()), InferenceOptions.defaults())
        .feature("code").orElseThrow().kind()).as("undeclared").isEqualTo(FeatureKind.NUMERIC);
  }

  @Test
  void valuesOutsideTheDomainAreCountedAsTheDataHasThem() {
    Frame frame = codes(new Random(2), 20_000, 50, 30, 10, 6, 4);
    Map<Long, Long> counts = counts(frame);
    long present = counts.values().stream().mapToLong(Long::longValue).sum();
    Schema schema = SchemaInference.infer(statistics(frame, CATEGORICAL_CODE), InferenceOptions.defaults());
    FeatureSchema code = schema.feature("code").orElseThrow();
    schema = schema.withFeature(new FeatureSchema("code", ColumnType.INT64, FeatureKind.CATEGORICAL,
        code.presence(), List.of("0", "1", "2"), null, false, false, List.of(), null, null));

    List<Anomaly> anomalies = ExampleValidator.validate(statistics(frame, CATEGORICAL_CODE), schema,
        ValidationOptions.defaults()).anomalies();

    assertThat(anomalies).hasSize(1);
    Anomaly unexpected = anomalies.get(0);
    assertThat(unexpected.type()).isEqualTo(AnomalyType.UNEXPECTED_VALUES);
    assertThat(unexpected.unexpectedValues()).containsExactly(
        new UnexpectedValue("3", counts.get(3L), (double) counts.get(3L) / present),
        new UnexpectedValue("4", counts.get(4L), (double) counts.get(4L) / present));
  }

  @Test
  void statisticsComputedAsNumericAreAWrongKindForACategoricalSchema() {
    Frame frame = codes(new Random(3), 100, 1, 1);
    Schema schema = SchemaInference.infer(statistics(frame, CATEGORICAL_CODE), InferenceOptions.defaults());

    List<Anomaly> anomalies = ExampleValidator.validate(statistics(frame, StatisticsOptions.defaults()), schema,
        ValidationOptions.defaults()).anomalies();

    assertThat(anomalies).extracting(Anomaly::type).containsExactly(AnomalyType.WRONG_TYPE);
    assertThat(anomalies.get(0).description()).contains("numeric statistics").contains("--categorical code");
  }

  @Test
  void driftIsTheLargestDifferenceOfValueShares() {
    Frame baseline = codes(new Random(4), 30_000, 50, 30, 10, 10);
    Frame current = codes(new Random(5), 20_000, 20, 30, 10, 10, 5);
    Map<Long, Long> a = counts(baseline);
    Map<Long, Long> b = counts(current);
    double na = a.values().stream().mapToLong(Long::longValue).sum();
    double nb = b.values().stream().mapToLong(Long::longValue).sum();
    Set<Long> values = new HashSet<>(a.keySet());
    values.addAll(b.keySet());
    double expected = 0;
    for (long v : values) {
      expected = Math.max(expected, Math.abs(a.getOrDefault(v, 0L) / na - b.getOrDefault(v, 0L) / nb));
    }

    FeatureComparison code = DistributionComparison.compare(statistics(baseline, CATEGORICAL_CODE),
        statistics(current, CATEGORICAL_CODE)).feature("code").orElseThrow();

    assertThat(code.kind()).isEqualTo(FeatureKind.CATEGORICAL);
    CategoricalComparison categorical = code.categorical();
    assertThat(categorical.infinityNorm()).isCloseTo(expected, within(1e-12)).isGreaterThan(0.1);
    assertThat(categorical.infinityNormValue()).isEqualTo("0");
    List<String> compared = new ArrayList<>();
    categorical.values().forEach(v -> compared.add(v.value()));
    assertThat(compared).containsExactlyInAnyOrder("0", "1", "2", "3", "4");

    Schema schema = SchemaYaml.read("""
        min_examples: 1
        features:
        - {name: code, type: int64, kind: categorical, presence: {min_fraction: 0, required: true},
           allow_nan: false, allow_infinite: false, drift_comparator: {infinity_norm: 0.1}}
        """, "schema.yaml");
    assertThat(ExampleValidator.validate(statistics(current, CATEGORICAL_CODE), schema,
        ValidationOptions.defaults().withPrevious(statistics(baseline, CATEGORICAL_CODE))).anomalies())
        .extracting(Anomaly::type).containsExactly(AnomalyType.DRIFT_HIGH);
  }
}
