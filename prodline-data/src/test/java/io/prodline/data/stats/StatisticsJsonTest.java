package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON field names are a published contract (docs/statistics.md): this test pins them. */
class StatisticsJsonTest {

  private static DatasetStatistics sample() {
    Frame frame = Frame.of(List.of("x", "s", "b"), List.<Column>of(
        Float64Column.of(1, 2, Double.NaN, 4), StringColumn.of("a", "b", "a", null), BoolColumn.of(true, false, true, true)));
    return new StatisticsCollector(StatisticsOptions.defaults().withSliceColumn("s").withThreads(1))
        .collect(List.of(frame).iterator());
  }

  @Test
  void fieldNamesAreStable() throws Exception {
    JsonNode json = new ObjectMapper().readTree(StatisticsJson.write(sample()));

    assertThat(names(json)).containsExactly("num_examples", "weighted_num_examples", "features", "slice_feature",
        "slices");
    JsonNode x = json.get("features").get(0);
    assertThat(names(x)).containsExactly("name", "type", "common", "numeric");
    assertThat(x.get("type").asText()).isEqualTo("float64");
    assertThat(names(x.get("common"))).containsExactly("num_non_missing", "num_missing", "weighted_num_non_missing",
        "weighted_num_missing");
    assertThat(names(x.get("numeric"))).containsExactly("moments", "quantiles");
    assertThat(names(x.get("numeric").get("moments"))).containsExactly("num_finite", "weighted_num_finite", "mean",
        "std_dev", "min", "max", "num_zeros", "num_nan", "num_positive_infinity", "num_negative_infinity");
    assertThat(names(x.get("numeric").get("quantiles"))).containsExactly("k", "normalized_rank_error",
        "pmf_normalized_rank_error", "median", "quantiles", "equi_width_histogram", "quantile_histogram", "cdf");
    assertThat(names(x.get("numeric").get("quantiles").get("cdf"))).containsExactly("values", "counts", "count",
        "exact", "step_error");
    assertThat(names(x.get("numeric").get("quantiles").get("quantiles").get(0))).containsExactly("rank", "value");
    assertThat(names(x.get("numeric").get("quantiles").get("equi_width_histogram").get(0)))
        .containsExactly("low_value", "high_value", "sample_count");
    JsonNode s = json.get("features").get(1);
    assertThat(names(s.get("string"))).containsExactly("distinct", "top_values", "lengths");
    assertThat(names(s.get("string").get("distinct"))).containsExactly("estimate", "lower_bound", "upper_bound",
        "lg_k", "relative_standard_error");
    assertThat(names(s.get("string").get("top_values"))).containsExactly("top_values", "max_error", "exact");
    assertThat(names(s.get("string").get("top_values").get("top_values").get(0)))
        .containsExactly("value", "count", "lower_bound", "upper_bound");
    assertThat(names(s.get("string").get("lengths"))).containsExactly("avg_length", "min_length", "max_length");
    assertThat(names(json.get("features").get(2).get("bool"))).containsExactly("num_true", "weighted_num_true");
    assertThat(names(json.get("slices"))).containsExactly("a", "b");
    assertThat(names(json.get("slices").get("a"))).containsExactly("num_examples", "weighted_num_examples", "features");
  }

  @Test
  void readsWhatItWrites() {
    DatasetStatistics statistics = sample();
    assertThat(StatisticsJson.read(StatisticsJson.write(statistics))).isEqualTo(statistics);
  }

  /** Statistics from before the CDF steps were written would make a comparison fail later, unexplained. */
  @Test
  void statisticsWithoutCdfStepsAreRefusedSayingToComputeThemAgain() throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(StatisticsJson.write(sample()));
    ((ObjectNode) json.get("features").get(0).get("numeric").get("quantiles")).remove("cdf");
    assertThatThrownBy(() -> StatisticsJson.read(json.toString()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("quantiles have no 'cdf' (statistics written by an earlier prodline); compute them "
            + "again with prodline data stats");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
