package io.prodline.app;

import static io.prodline.app.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.app.CommandLineTest.Run;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaYaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prodline data stats | schema | validate | compare} on seattle-weather 2012 (baseline) and 2015. */
class DataCommandsTest {
  private static final String Y2012 = "../examples/data/seattle-weather-2012.csv";
  private static final String Y2015 = "../examples/data/seattle-weather-2015.csv";

  @TempDir
  Path dir;

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(Files.readString(file));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.get(field).asText()));
    return values;
  }

  private static JsonNode feature(JsonNode comparison, String name) {
    for (JsonNode f : comparison.get("features")) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no feature " + name + " in " + comparison);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private Path schema(String data, String... options) {
    Path yaml = dir.resolve("schema.yaml");
    Run r = run(with(List.of("data", "schema", "--data", data, "--output", yaml.toString()), options));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return yaml;
  }

  /** The 2012 schema with drift thresholds on temp_max (JS divergence) and weather (L-infinity). */
  private Path schemaWithDriftThresholds() {
    Schema schema = SchemaYaml.read(schema(Y2012));
    schema = schema.withFeature(schema.feature("temp_max").orElseThrow()
        .withDriftComparator(Comparator.jensenShannonDivergence(0.01)));
    schema = schema.withFeature(schema.feature("weather").orElseThrow()
        .withDriftComparator(Comparator.infinityNorm(0.3)));
    schema = schema.withFeature(schema.feature("wind").orElseThrow()
        .withDriftComparator(Comparator.jensenShannonDivergence(0.9)));
    Path yaml = dir.resolve("drift-schema.yaml");
    SchemaYaml.write(schema, yaml);
    return yaml;
  }

  @Test
  void statsReadsAGlobOfJsonLinesAndWritesAReport() throws IOException {
    Files.writeString(dir.resolve("part-1.jsonl"), "{\"x\": 1.5, \"city\": \"a\"}\n{\"x\": 2.5, \"city\": \"b\"}\n");
    Files.writeString(dir.resolve("part-2.jsonl"), "{\"x\": 3.5, \"city\": \"a\"}\n");
    Path out = dir.resolve("stats.json");
    Path html = dir.resolve("stats.html");

    Run r = run("data", "stats", "--data", dir + "/part-*.jsonl", "--output", out.toString(),
        "--html", html.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(out).get("num_examples").asLong()).isEqualTo(3);
    assertThat(texts(json(out).get("features"), "name")).containsExactly("x", "city");
    assertThat(count(Files.readString(html), "<svg")).isEqualTo(2);
  }

  @Test
  void anInt64ColumnDeclaredCategoricalGetsValueCountsADomainAndDomainChecks() throws IOException {
    Path train = Files.writeString(dir.resolve("train.csv"), "store,amount\n3,1.5\n7,2.0\n3,4.0\n12,1.0\n3,0.5\n");
    Path serving = Files.writeString(dir.resolve("serving.csv"), "store,amount\n3,1.0\n99,2.0\n99,3.0\n7,1.0\n");
    Path stats = dir.resolve("stats.json");

    Run r = run("data", "stats", "--data", train.toString(), "--categorical", "store", "--output", stats.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode store = json(stats).get("features").get(0);
    assertThat(store.get("type").asText()).isEqualTo("int64");
    assertThat(store.has("numeric")).isFalse();
    assertThat(texts(store.get("string").get("top_values").get("top_values"), "value")).containsExactly("3", "12", "7");
    assertThat(store.get("string").get("top_values").get("top_values").get(0).get("count").asLong()).isEqualTo(3);

    String yaml = Files.readString(schema(train.toString(), "--categorical", "store"));
    assertThat(yaml).contains("kind: categorical").contains("domain:\n  - \"3\"\n  - \"7\"\n  - \"12\"\n");

    Path out = dir.resolve("anomalies.json");
    Run validate = run("data", "validate", "--data", serving.toString(), "--schema", dir.resolve("schema.yaml")
        .toString(), "--output", out.toString());
    assertThat(validate.exitCode()).as(validate.err()).isEqualTo(1);
    JsonNode anomaly = json(out).get("anomalies").get(0);
    assertThat(anomaly.get("type").asText()).isEqualTo("unexpected_values");
    assertThat(anomaly.get("unexpected_values").get(0).get("value").asText()).isEqualTo("99");
    assertThat(anomaly.get("unexpected_values").get(0).get("count").asLong()).isEqualTo(2);

    // Statistics computed without --categorical hold moments for store: naming it now could not take effect.
    Path numeric = dir.resolve("numeric.json");
    assertThat(run("data", "stats", "--data", train.toString(), "--output", numeric.toString()).exitCode()).isZero();
    Run late = run("data", "schema", "--data", numeric.toString(), "--categorical", "store", "--output",
        dir.resolve("late.yaml").toString());
    assertThat(late.exitCode()).isEqualTo(2);
    assertThat(late.err()).contains("--categorical column 'store' was summarised as numeric when these statistics "
        + "were computed; compute them again with --categorical store");
  }

  @Test
  void everyCommandRefusesACategoricalColumnThatIsAbsentOrNotInt64() throws IOException {
    Path yaml = schema(Y2012);
    Path stats = dir.resolve("2012.json");
    assertThat(run("data", "stats", "--data", Y2012, "--output", stats.toString()).exitCode()).isZero();
    List<List<String>> commands = List.of(
        List.of("data", "stats", "--data", Y2012),
        List.of("data", "schema", "--data", Y2012, "--output", dir.resolve("other.yaml").toString()),
        List.of("data", "validate", "--data", Y2012, "--schema", yaml.toString()),
        List.of("data", "compare", "--baseline", Y2012, "--current", Y2015));

    for (List<String> command : commands) {
      Run absent = run(with(command, "--categorical", "nosuch"));
      Run string = run(with(command, "--categorical", "weather"));

      assertThat(absent.exitCode()).as(absent.err()).isEqualTo(2);
      assertThat(absent.err()).contains(Y2012 + ": --categorical column 'nosuch' is not a column of the data; "
          + "the columns are date, precipitation, temp_max, temp_min, wind, weather");
      assertThat(string.exitCode()).as(string.err()).isEqualTo(2);
      assertThat(string.err()).contains(Y2012 + ": --categorical column 'weather' must be an int64 column, not "
          + "string; the data has no int64 column");
    }
    for (List<String> command : List.of(
        List.of("data", "validate", "--data", stats.toString(), "--schema", yaml.toString()),
        List.of("data", "schema", "--stats", stats.toString(), "--output", dir.resolve("third.yaml").toString()))) {
      Run fromStatistics = run(with(command, "--categorical", "nosuch"));
      assertThat(fromStatistics.exitCode()).as(command.toString()).isEqualTo(2);
      assertThat(fromStatistics.err()).contains(stats + ": --categorical column 'nosuch' is not a column");
    }
  }

  @Test
  void statsRefusesASliceColumnThatIsAbsentOrFloat() {
    Run absent = run("data", "stats", "--data", Y2012, "--slice", "nosuch");
    Run floats = run("data", "stats", "--data", Y2012, "--slice", "wind");

    assertThat(absent.exitCode()).isEqualTo(2);
    assertThat(absent.err()).isEqualTo("prodline: slice column 'nosuch' is not a column of the data; the columns "
        + "are date, precipitation, temp_max, temp_min, wind, weather" + System.lineSeparator());
    assertThat(floats.exitCode()).isEqualTo(2);
    assertThat(floats.err()).isEqualTo("prodline: slice column 'wind' must be a string, int64 or bool column, "
        + "not float64; the string, int64 or bool columns are date, weather" + System.lineSeparator());
  }

  private static String[] with(List<String> command, String... options) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(options));
    return args.toArray(String[]::new);
  }

  @Test
  void statsOfAJdbcLocationNeedsAQuery() {
    Run r = run("data", "stats", "--data", "jdbc:postgresql://localhost/db?password=secret");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("needs a SQL query").contains("--query").doesNotContain("secret");
  }

  @Test
  void schemaFromStatisticsEqualsSchemaFromData() throws IOException {
    Path stats = dir.resolve("2012.json");
    assertThat(run("data", "stats", "--data", Y2012, "--output", stats.toString()).exitCode()).isZero();
    Path fromStats = dir.resolve("from-stats.yaml");

    Run r = run("data", "schema", "--stats", stats.toString(), "--output", fromStats.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(fromStats)).isEqualTo(Files.readString(schema(Y2012)))
        .contains("domain:").contains("- rain");
  }

  @Test
  void validateExits0WhenTheDataFitsItsSchema() throws IOException {
    Path yaml = schema(Y2012);
    Path out = dir.resolve("anomalies.json");

    Run r = run("data", "validate", "--data", Y2015, "--schema", yaml.toString(), "--output", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(json(out).get("anomalies")).isEmpty();
  }

  @Test
  void validateExits1OnErrorsAndReportsThemFirst() throws IOException {
    Path yaml = schema(Y2012, "--infer-ranges");
    Path out = dir.resolve("anomalies.json");
    Path html = dir.resolve("validation.html");

    Run r = run("data", "validate", "--data", Y2015, "--schema", yaml.toString(), "--output", out.toString(),
        "--html", html.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode anomalies = json(out).get("anomalies");
    assertThat(texts(anomalies, "type")).containsOnly("out_of_range").hasSize(4);
    assertThat(texts(anomalies, "feature")).containsExactly("precipitation", "temp_max", "temp_min", "wind");
    assertThat(anomalies.get(1).get("observed_max").asDouble()).isEqualTo(35.0);
    String page = Files.readString(html);
    assertThat(page.indexOf("id=\"anomalies\"")).isPositive().isLessThan(page.indexOf("id=\"features\""));
    assertThat(count(page, "<svg")).isEqualTo(6);
  }

  @Test
  void validateChecksDriftFromAPreviousSpanGivenAsStatistics() throws IOException {
    Path previous = dir.resolve("2012.json");
    assertThat(run("data", "stats", "--data", Y2012, "--output", previous.toString()).exitCode()).isZero();
    Path out = dir.resolve("anomalies.json");

    Run r = run("data", "validate", "--data", Y2015, "--schema", schemaWithDriftThresholds().toString(),
        "--previous", previous.toString(), "--output", out.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(texts(json(out).get("anomalies"), "type")).containsOnly("drift_high");
    assertThat(texts(json(out).get("anomalies"), "feature")).containsExactly("temp_max", "weather");
  }

  @Test
  void validateExits2OnBadInput() throws IOException {
    Path yaml = schema(Y2012);
    Path badCsv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");

    Run noSchema = run("data", "validate", "--data", Y2015, "--schema", dir.resolve("none.yaml").toString());
    Run badData = run("data", "validate", "--data", badCsv.toString(), "--schema", yaml.toString());
    Run badEnvironment = run("data", "validate", "--data", Y2015, "--schema", yaml.toString(),
        "--environment", "SERVING");
    Run noData = run("data", "validate", "--schema", yaml.toString());
    Path misspelt = Files.writeString(dir.resolve("misspelt.yaml"),
        Files.readString(yaml).replaceFirst("min_fraction:", "min_fractoin:"));
    Run badSchema = run("data", "validate", "--data", Y2015, "--schema", misspelt.toString());

    assertThat(noSchema.exitCode()).isEqualTo(2);
    assertThat(noSchema.err()).contains("none.yaml: no such schema file").contains("prodline data schema");
    assertThat(badData.exitCode()).isEqualTo(2);
    assertThat(badData.err()).contains(badCsv + ":3");
    assertThat(badEnvironment.exitCode()).isEqualTo(2);
    assertThat(badEnvironment.err()).contains("environment 'SERVING'");
    assertThat(noData.exitCode()).isEqualTo(2);
    assertThat(badSchema.exitCode()).isEqualTo(2);
    assertThat(badSchema.err()).isEqualTo("prodline: " + misspelt + ":7: unknown key 'min_fractoin' in "
        + "features[0].presence; the keys allowed there are min_fraction, required" + System.lineSeparator());
  }

  @Test
  void compareReportsEveryDriftMetricOf2012Against2015() throws IOException {
    Path out = dir.resolve("comparison.json");
    Path html = dir.resolve("comparison.html");

    Run r = run("data", "compare", "--baseline", Y2012, "--current", Y2015, "--output", out.toString(),
        "--html", html.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode comparison = json(out);
    assertThat(comparison.get("baseline_examples").asLong()).isEqualTo(366);
    assertThat(comparison.get("current_examples").asLong()).isEqualTo(365);
    assertThat(comparison.get("anomalies")).isEmpty();
    JsonNode tempMax = feature(comparison, "temp_max").get("numeric");
    assertThat(tempMax.get("jensen_shannon_divergence").asDouble()).isBetween(0.02, 0.1);
    assertThat(tempMax.get("population_stability_index").asDouble()).isGreaterThan(0.1);
    // Both years fit in the default sketch, so the test is scipy's exactly: ks_2samp(...).pvalue = 3.1570876212856956e-4.
    assertThat(tempMax.get("kolmogorov_smirnov").get("p_value").asDouble())
        .isCloseTo(3.1570876212856956e-4, offset(1e-15));
    assertThat(tempMax.get("kolmogorov_smirnov").get("statistic_error_bound").asDouble()).isZero();
    assertThat(tempMax.get("wasserstein").get("distance").asDouble()).isGreaterThan(1);
    assertThat(tempMax.get("bins")).isNotEmpty();
    // 2012: 191 rain of 366 days; 2015: 5 of 365. Top values are exact, so this is too.
    assertThat(feature(comparison, "weather").get("categorical").get("infinity_norm").asDouble())
        .isCloseTo(191.0 / 366 - 5.0 / 365, offset(1e-12));
    String page = Files.readString(html);
    assertThat(count(page, "<svg")).isEqualTo(comparison.get("features").size());
    assertThat(page).contains("class=\"base\"").contains("class=\"curr\"");
  }

  @Test
  void aSmallerSketchGivesKsWithAnErrorRangeAndTheConclusionItAllows() throws IOException {
    Path out = dir.resolve("comparison.json");

    Run r = run("data", "compare", "--baseline", Y2012, "--current", Y2015, "--kll-k", "64", "--output",
        out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode ks = feature(json(out), "wind").get("numeric").get("kolmogorov_smirnov");
    // 366 values are more than a k = 64 sketch keeps: D is estimated, with a bound that holds scipy's D.
    assertThat(ks.get("statistic_error_bound").asDouble()).isPositive();
    assertThat(ks.get("statistic").asDouble()).isCloseTo(0.07620330863088555,
        offset(ks.get("statistic_error_bound").asDouble()));
    assertThat(ks.get("p_value_min").asDouble()).isLessThan(ks.get("p_value_max").asDouble());
    assertThat(0.21746699885142076).isBetween(ks.get("p_value_min").asDouble(), ks.get("p_value_max").asDouble());

    Run tooSmall = run("data", "compare", "--baseline", Y2012, "--current", Y2015, "--kll-k", "4");
    assertThat(tooSmall.exitCode()).isEqualTo(2);
    assertThat(tooSmall.err()).contains("kll_k is 4; it must be between 8 and 65535");
  }

  @Test
  void compareExits1WhenAFeatureIsAboveItsSchemaThreshold() throws IOException {
    Path out = dir.resolve("comparison.json");

    Run r = run("data", "compare", "--baseline", Y2012, "--current", Y2015, "--schema",
        schemaWithDriftThresholds().toString(), "--output", out.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    JsonNode anomalies = json(out).get("anomalies");
    assertThat(texts(anomalies, "feature")).containsExactly("temp_max", "weather");
    assertThat(anomalies.get(0).get("allowed").asDouble()).isEqualTo(0.01);
  }

  @Test
  void compareReportsAThresholdFeatureItCouldNotCompare() throws IOException {
    // wind reads as text in the current file: its drift cannot be measured, and must not pass unnoticed.
    Path current = windAsText();
    Path out = dir.resolve("comparison.json");

    Run r = run("data", "compare", "--baseline", Y2012, "--current", current.toString(), "--schema",
        schemaWithDriftThresholds().toString(), "--output", out.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    String reason = "it is numeric (float64) in the baseline but categorical (string) in the current data";
    JsonNode comparison = json(out);
    assertThat(texts(comparison.get("not_compared"), "name")).containsExactly("wind");
    JsonNode anomalies = comparison.get("anomalies");
    assertThat(texts(anomalies, "type")).contains("not_compared");
    assertThat(texts(anomalies, "description")).contains(
        "Feature 'wind' has a threshold but was not compared with the previous span: " + reason + ".");
  }

  @Test
  void aNumberColumnReadAsTextIsAWarningAndTypesReadsItAsNumbers() throws IOException {
    Path current = windAsText();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Run inferred;
    try {
      inferred = run("data", "stats", "--data", current.toString());
    } finally {
      System.setErr(saved);
    }
    assertThat(inferred.exitCode()).as(inferred.err()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("warning: " + current + ": column 'wind' is read as "
        + "string although 364 of its 365 sampled values are numbers; the first that is not is \"calm\" on line 2.");

    Path out = dir.resolve("stats.json");
    Run typed = run("data", "stats", "--data", current.toString(), "--types", "wind=float64",
        "--skip-bad-records", "1", "--output", out.toString());
    assertThat(typed.exitCode()).as(typed.err()).isZero();
    JsonNode wind = feature(json(out), "wind");
    assertThat(wind.get("type").asText()).isEqualTo("float64");
    assertThat(wind.get("common").get("num_non_missing").asLong()).isEqualTo(364);

    Run unknownType = run("data", "stats", "--data", current.toString(), "--types", "wind=double");
    assertThat(unknownType.exitCode()).isEqualTo(2);
    assertThat(unknownType.err()).contains("--types wind=double: unknown type 'double'; the types are float64, "
        + "int64, bool and string");
  }

  /** seattle-weather 2015 with the wind of its first day written as a word. */
  private Path windAsText() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of(Y2015)));
    lines.set(1, lines.get(1).replaceFirst(",([0-9.]+),([a-z]+)$", ",calm,$2"));
    Path current = dir.resolve("wind-as-text.csv");
    Files.write(current, lines);
    return current;
  }
}
