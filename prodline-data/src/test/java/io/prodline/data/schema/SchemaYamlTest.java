package io.prodline.data.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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
  void allowNanAndAllowInfiniteAreWrittenForNumericFeaturesOnly() {
    String yaml = SchemaYaml.write(edited());

    assertThat(count(yaml, "allow_nan: false")).isEqualTo(count(yaml, "allow_infinite: false")).isEqualTo(4);
    assertThat(yaml).contains("""
        - name: date
          type: string
          kind: categorical
          presence:
            min_fraction: 1.0
            required: true
        - name: precipitation
        """);
  }

  @Test
  void allowNanAndAllowInfiniteAreFalseWhenAbsentAndCanOnlyBeFalseOnOtherFeatures() {
    String numeric = VALID.replace("  allow_nan: false\n  allow_infinite: false\n", "");
    String string = VALID.replace("float64", "string").replace("numeric", "categorical");

    FeatureSchema x = SchemaYaml.read(numeric, "schema.yaml").feature("x").orElseThrow();
    assertThat(x.allowNan()).isFalse();
    assertThat(x.allowInfinite()).isFalse();
    assertThat(SchemaYaml.read(string, "schema.yaml").feature("x").orElseThrow().allowNan()).isFalse();
    assertThat(error(string.replace("allow_nan: false", "allow_nan: true")))
        .isEqualTo("schema.yaml:11: features[0]: allow_nan applies to numeric features only, not categorical string");
    assertThat(error(string.replace("allow_infinite: false", "allow_infinite: true")))
        .isEqualTo("schema.yaml:11: features[0]: allow_infinite applies to numeric features only, not categorical "
            + "string");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
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

  /** The message of reading {@code yaml}, which must name no Java type or Jackson term, only the schema's. */
  private static String error(String yaml) {
    Throwable e = catchThrowable(() -> SchemaYaml.read(yaml, "schema.yaml"));
    assertThat(e).isInstanceOf(DataFormatException.class);
    assertThat(e.getMessage()).doesNotContain("java", "Json", "creator", "(index", "`", "token");
    return e.getMessage();
  }

  @Test
  void unknownKeyIsAnErrorAtItsOwnLineWithTheKeysAllowedThere() {
    assertThat(error(VALID.replace("    required: true\n", "    required: true\n    colour: red\n")))
        .isEqualTo("schema.yaml:9: unknown key 'colour' in features[0].presence; the keys allowed there are "
            + "min_fraction, required");
    assertThat(error(VALID.replace("  presence:\n", "  colour: red\n  presence:\n")))
        .isEqualTo("schema.yaml:6: unknown key 'colour' in features[0]; the keys allowed there are name, type, "
            + "kind, presence, domain, range, allow_nan, allow_infinite, not_in_environments, drift_comparator, "
            + "skew_comparator");
    assertThat(error("feature: []\n")).isEqualTo("schema.yaml:1: unknown key 'feature' in the top level; the "
        + "keys allowed there are min_examples, environments, features");
  }

  @Test
  void aKeyGivenTwiceIsAnError() {
    assertThat(error(VALID.replace("    required: true\n", "    required: true\n    min_fraction: 0.9\n")))
        .isEqualTo("schema.yaml:9: features[0].presence: Duplicate field 'min_fraction'");
  }

  @Test
  void aMisspeltRequiredKeyIsAnUnknownKeyNotAMissingOne() {
    assertThat(error(VALID.replace("min_fraction", "min_fractoin")))
        .isEqualTo("schema.yaml:7: unknown key 'min_fractoin' in features[0].presence; the keys allowed there are "
            + "min_fraction, required");
  }

  @Test
  void aValueOfTheWrongKindSaysWhatBelongsThereAndWhatIsThere() {
    assertThat(error(VALID.replace("min_fraction: 0.5", "min_fraction: high")))
        .isEqualTo("schema.yaml:7: features[0].presence.min_fraction must be a number, not 'high'");
    assertThat(error(VALID.replace("min_fraction: 0.5", "min_fraction:")))
        .isEqualTo("schema.yaml:7: features[0].presence.min_fraction must be a number, not an empty value");
    assertThat(error(VALID.replace("required: true", "required: maybe")))
        .isEqualTo("schema.yaml:8: features[0].presence.required must be true or false, not 'maybe'");
    assertThat(error(VALID.replace("min_examples: 1", "min_examples: many")))
        .isEqualTo("schema.yaml:1: min_examples must be a whole number, not 'many'");
    assertThat(error(VALID.replace("min_examples: 1", "min_examples: 1.5")))
        .isEqualTo("schema.yaml:1: min_examples must be a whole number, not 1.5");
    assertThat(error(VALID.replace("type: float64", "type: [unclosed")))
        .isEqualTo("schema.yaml:4: features[0].type must be one of float64, int64, bool, string, not a list");
    assertThat(error(VALID.replace("- name: x", "- name: [x]")))
        .isEqualTo("schema.yaml:3: features[0].name must be a string, not a list");
    assertThat(error("features: 3\n")).isEqualTo("schema.yaml:1: features must be a list, not 3");
    assertThat(error("features:\n- 3\n")).startsWith("schema.yaml:2: features[0] must be a mapping with the keys "
        + "name, type, kind, presence, domain,").endsWith(", not 3");
  }

  @Test
  void aTopLevelThatIsNoMappingSaysSo() {
    assertThat(error("- name: x\n- name: y\n")).isEqualTo("schema.yaml:1: the top level must be a mapping with "
        + "the keys min_examples, environments, features, not a list");
    assertThat(error("just words\n")).isEqualTo("schema.yaml:1: the top level must be a mapping with the keys "
        + "min_examples, environments, features, not 'just words'");
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
  }

  @Test
  void missingKeysAndBrokenYamlAreReported() {
    assertThat(error(VALID.replace("  kind: numeric\n", "")))
        .isEqualTo("schema.yaml:10: required key 'kind' is missing in features[0]");
    assertThat(error("features: [\n")).startsWith("schema.yaml:2: not valid YAML: expected the node content, but "
        + "found '<stream end>'");
    assertThat(error("a: b: c\n")).isEqualTo("schema.yaml:1: not valid YAML: mapping values are not allowed here");
    assertThat(error("")).isEqualTo("schema.yaml: is empty; a schema needs at least 'features'");
    assertThat(error("# nothing yet\n")).isEqualTo("schema.yaml: is empty; a schema needs at least 'features'");
  }

  @Test
  void environmentsMustBeDeclared() {
    String yaml = VALID + "  not_in_environments: [SERVING]\n";
    assertThatThrownBy(() -> SchemaYaml.read(yaml, "schema.yaml"))
        .hasMessageContaining("feature 'x' refers to environment 'SERVING'");
  }
}
