package io.prodline.data.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.FeatureKind;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Presence;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names of comparisons and anomalies are a published contract (docs/validation.md). */
class ResultJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DatasetStatistics stats(double[] x, String... s) {
    Frame frame = Frame.of(List.of("x", "s"), List.<Column>of(Float64Column.of(x), StringColumn.of(s)));
    return new StatisticsCollector(StatisticsOptions.defaults().withThreads(1)).collect(List.of(frame).iterator());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  @Test
  void comparisonFieldNames() throws Exception {
    DatasetStatistics a = stats(new double[] {1, 2, 3, Double.NaN}, "a", "b", "a", "c");
    DatasetStatistics b = stats(new double[] {2, 3, 4, 5}, "a", "a", "a", "b");
    JsonNode json = JSON.readTree(JSON.writeValueAsString(DistributionComparison.compare(a, b)));

    assertThat(names(json)).containsExactly("baseline_examples", "current_examples", "features", "not_compared");
    JsonNode x = json.get("features").get(0);
    assertThat(names(x)).containsExactly("name", "kind", "numeric");
    assertThat(x.get("kind").asText()).isEqualTo("numeric");
    assertThat(names(x.get("numeric"))).containsExactly("jensen_shannon_divergence", "population_stability_index",
        "kolmogorov_smirnov", "wasserstein", "bins");
    assertThat(names(x.get("numeric").get("kolmogorov_smirnov"))).containsExactly("statistic",
        "statistic_error_bound", "p_value", "p_value_min", "p_value_max", "method", "baseline_count",
        "current_count");
    assertThat(x.get("numeric").get("kolmogorov_smirnov").get("method").asText()).isEqualTo("exact");
    assertThat(names(x.get("numeric").get("wasserstein"))).containsExactly("distance", "error_bound");
    assertThat(names(x.get("numeric").get("bins").get(0)))
        .containsExactly("low_value", "high_value", "baseline", "current");
    JsonNode nan = x.get("numeric").get("bins").get(x.get("numeric").get("bins").size() - 1);
    assertThat(names(nan)).containsExactly("special", "baseline", "current");
    assertThat(nan.get("special").asText()).isEqualTo("nan");
    JsonNode s = json.get("features").get(1);
    assertThat(names(s.get("categorical"))).containsExactly("infinity_norm", "infinity_norm_value", "values");
    assertThat(names(s.get("categorical").get("values").get(0))).containsExactly("value", "baseline", "current");
  }

  @Test
  void anomalyFieldNames() throws Exception {
    Schema schema = new Schema(0, List.of(), List.of(
        new FeatureSchema("x", ColumnType.FLOAT64, FeatureKind.NUMERIC, new Presence(1, true), null, null, false,
            false, null, Comparator.jensenShannonDivergence(0), null),
        new FeatureSchema("s", ColumnType.STRING, FeatureKind.CATEGORICAL, new Presence(1, true), List.of("a"),
            null, false, false, null, null, null)));
    DatasetStatistics previous = stats(new double[] {1, 2, 3, 4}, "a", "a", "a", "a");
    ValidationResult result = ExampleValidator.validate(stats(new double[] {1, 1, 1, 9}, "a", "b", "a", "a"),
        schema, ValidationOptions.defaults().withPrevious(previous));
    JsonNode json = JSON.readTree(JSON.writeValueAsString(result));

    assertThat(names(json)).containsExactly("anomalies");
    JsonNode unexpected = json.get("anomalies").get(0);
    assertThat(unexpected.get("type").asText()).isEqualTo("unexpected_values");
    assertThat(unexpected.get("severity").asText()).isEqualTo("error");
    assertThat(names(unexpected)).containsExactly("type", "severity", "feature", "description", "observed",
        "unexpected_values");
    assertThat(names(unexpected.get("unexpected_values").get(0))).containsExactly("value", "count", "share");
    JsonNode drift = json.get("anomalies").get(1);
    assertThat(drift.get("type").asText()).isEqualTo("drift_high");
    assertThat(names(drift)).containsExactly("type", "severity", "feature", "description", "observed", "allowed");
  }
}
