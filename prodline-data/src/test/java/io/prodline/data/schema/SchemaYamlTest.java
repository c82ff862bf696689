package io.prodline.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML form people edit: round trip, layout, and errors that name the line and the field path. */
class SchemaYamlTest {

  static Schema edited() {
    Schema inferred = SchemaInference.infer(SchemaInferenceTest.statistics("seattle-weather.csv"),
        InferenceOptions.defaults().withInferRanges(true));
    return inferred.withEnvironments(List.of("TRAINING", "SERVING")).withMinExamples(300)
        .withFeature(inferred.feature("weather").orElseThrow().withNotInEnvironments(List.of("SERVING"))
            .withSkewComparator(Comparator.infinityNorm(0.1)))
        .withFeature(inferred.feature("wind").orElseThrow()
            .withDriftComparator(Comparator.jensenShannonDivergence(0.05)));
  }

  @Test
  void roundTrips(@TempDir Path dir) {
    Schema schema = edited();
    Path file = dir.resolve("schema.yaml");
    SchemaYaml.write(schema, file);
    assertThat(SchemaYaml.read(file)).isEqualTo(schema);
  }

  @Test
  void writesReadableSnakeCaseYaml() {
    String yaml = SchemaYaml.write(edited());
    assertThat(yaml).startsWith("min_examples: 300\nenvironments:\n- TRAINING\n- SERVING\nfeatures:\n");
    assertThat(yaml).contains("""
        - name: weather
          type: string
          kind: categorical
          presence:
            min_fraction: 1.0
            required: true
          domain:
          - drizzle
          - fog
          - rain
          - snow
          - sun
          allow_nan: false
          allow_infinite: false
          not_in_environments:
          - SERVING
          skew_comparator:
            infinity_norm: 0.1
        """);
    assertThat(yaml).contains("""
          range:
            min: 0.4
            max: 9.5
          allow_nan: false
          allow_infinite: false
          drift_comparator:
            jensen_shannon_divergence: 0.05
        """);
  }

  @Test
  void domainValuesThatLookLikeNumbersOrBooleansStayStrings() {
    Schema schema = new Schema(0, List.of(), List.of(new FeatureSchema("code", ColumnType.STRING,
        FeatureKind.CATEGORICAL, new Presence(1, true), List.of("1", "true", "null", "0.5"), null, false, false,
        null, null, null)));
    assertThat(SchemaYaml.read(SchemaYaml.write(schema), "s.yaml")).isEqualTo(schema);
  }

  private static final String VALID = """
      min_examples: 1
      features:
      - name: x
        type: float64
        kind: numeric
        presence:
          min_fraction: 0.5
          required: true
        allow_nan: false
        allow_infinite: false
      """;

  @Test
  void readsAMinimalHandWrittenSchema() {
    Schema schema = SchemaYaml.read(VALID, "schema.yaml");
    assertThat(schema.feature("x").orElseThrow().presence()).isEqualTo(new Presence(0.5, true));
    assertThat(schema.feature("x").orElseThrow().domain()).isEmpty();
  }

  @Test
  void unknownKeyIsAnErrorWithItsLineAndPath() {
    String yaml = VALID.replace("    required: true\n", "    required: true\n    colour: red\n");
    assertThatThrownBy(() -> SchemaYaml.read(yaml, "schema.yaml"))
        .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(9))
        .hasMessageStartingWith("schema.yaml:9: features[0].presence.colour: unknown key 'colour'")
        .hasMessageContaining("min_fraction, required");
  }

  @Test
  void badValuesNameTheFieldPath() {
    assertThatThrownBy(() -> SchemaYaml.read(VALID.replace("0.5", "1.5"), "schema.yaml"))
        .hasMessageContaining("features[0].presence: ")
        .hasMessageContaining("min_fraction must be within [0, 1], got 1.5");
    assertThatThrownBy(() -> SchemaYaml.read(VALID.replace("float64", "float32"), "schema.yaml"))
        .hasMessageContaining("schema.yaml:4: features[0].type")
        .hasMessageContaining("unknown column type 'float32'");
    assertThatThrownBy(() -> SchemaYaml.read(VALID.replace("kind: numeric", "kind: categorical"), "schema.yaml"))
        .hasMessageContaining("features[0]")
        .hasMessageContaining("kind categorical does not fit type float64");
    assertThatThrownBy(() -> SchemaYaml.read(VALID + "  drift_comparator:\n    infinity_norm: 0.1\n", "s.yaml"))
        .hasMessageContaining("features[0]")
        .hasMessageContaining("drift_comparator of a numeric feature needs jensen_shannon_divergence");
    assertThatThrownBy(() -> SchemaYaml.read(VALID.replace("min_examples: 1", "min_examples: many"), "s.yaml"))
        .hasMessageStartingWith("s.yaml:1: min_examples:");
  }

  @Test
  void missingKeysAndBrokenYamlAreReported() {
    assertThatThrownBy(() -> SchemaYaml.read(VALID.replace("  kind: numeric\n", ""), "schema.yaml"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("features[0]")
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> SchemaYaml.read("features: [\n", "schema.yaml"))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> SchemaYaml.read("", "schema.yaml"))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("is empty");
  }

  @Test
  void environmentsMustBeDeclared() {
    String yaml = VALID + "  not_in_environments: [SERVING]\n";
    assertThatThrownBy(() -> SchemaYaml.read(yaml, "schema.yaml"))
        .hasMessageContaining("feature 'x' refers to environment 'SERVING'");
  }
}
