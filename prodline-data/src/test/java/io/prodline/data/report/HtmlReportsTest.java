package io.prodline.data.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.InferenceOptions;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaInference;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.AnomalyType;
import io.prodline.data.validation.ComparisonChecks;
import io.prodline.data.validation.ExampleValidator;
import io.prodline.data.validation.ValidationOptions;
import io.prodline.data.validation.ValidationResult;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportsTest {
  private static final String SCRIPT_NAME = "<script>alert(1)</script>";
  private static final String NASTY_VALUE = "&\"<>";

  private static DatasetStatistics statistics(Frame frame) {
    return new StatisticsCollector(StatisticsOptions.defaults()).collect(List.of(frame).iterator());
  }

  private static DatasetStatistics seattle(String year) {
    return read("../examples/data/seattle-weather-" + year + ".csv");
  }

  private static DatasetStatistics read(String location) {
    try (DataSource source = DataSources.open(location, SourceOptions.defaults())) {
      return new StatisticsCollector(StatisticsOptions.defaults()).collect(source.iterator());
    }
  }

  private static DatasetStatistics nasty() {
    return statistics(Frame.of(List.of(SCRIPT_NAME, "city"),
        List.of(Float64Column.of(1, 2, 3), StringColumn.of(NASTY_VALUE, NASTY_VALUE, "b"))));
  }

  private static int count(String html, String part) {
    return html.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void featureNamesAndValuesAreEscapedEverywhere() {
    DatasetStatistics stats = nasty();
    Schema schema = SchemaInference.infer(statistics(Frame.of(List.of("city"), List.of(StringColumn.of("b")))),
        InferenceOptions.defaults());
    String html = HtmlReports.validation(SCRIPT_NAME, stats,
        ExampleValidator.validate(stats, schema, ValidationOptions.defaults()));

    assertThat(html).doesNotContain("<script").doesNotContain(NASTY_VALUE)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&amp;&quot;&lt;&gt;");
  }

  @Test
  void statisticsHaveOneChartPerFeatureAndNoAnomalySection() {
    DatasetStatistics stats = seattle("2012");
    String html = HtmlReports.statistics("seattle 2012", stats);

    assertThat(count(html, "<svg")).isEqualTo(stats.features().size()).isEqualTo(6);
    assertThat(html).doesNotContain("id=\"anomalies\"").contains("temp_max").contains("366 examples");
  }

  /** 1,461 distinct dates overflow the frequent-items sketch (exact up to 768); 366 do not. */
  @Test
  void topValueCountsOfASketchPastItsCapacityAreMarkedApproximate() {
    String approximate = HtmlReports.statistics("seattle", read("../examples/data/seattle-weather.csv"));
    String exact = HtmlReports.statistics("seattle 2012", seattle("2012"));

    assertThat(approximate).contains("<dt>top counts</dt><dd>approximate, ± 1</dd>")
        .contains("text-anchor=\"start\">≈ 2</text>").contains("text-anchor=\"start\">714</text>");
    assertThat(exact).doesNotContain("top counts").doesNotContain(">≈ 1</text>")
        .contains("text-anchor=\"start\">1</text>").contains("text-anchor=\"start\">191</text>");
  }

  @Test
  void validationShowsTheAnomaliesFirstInTheirSeverityColour() {
    DatasetStatistics stats = nasty();
    Schema schema = SchemaInference.infer(statistics(Frame.of(List.of("city"), List.of(StringColumn.of("b")))),
        InferenceOptions.defaults());
    ValidationResult result = ExampleValidator.validate(stats, schema, ValidationOptions.defaults());
    String html = HtmlReports.validation("validation", stats, result);

    assertThat(result.anomalies()).extracting(Anomaly::type)
        .containsExactlyInAnyOrder(AnomalyType.NEW_COLUMN, AnomalyType.UNEXPECTED_VALUES);
    assertThat(html.indexOf("id=\"anomalies\"")).isPositive().isLessThan(html.indexOf("id=\"features\""));
    assertThat(count(html, "<tr class=\"error\">")).isEqualTo(2 + 2);
    assertThat(count(html, "<svg")).isEqualTo(2);
  }

  @Test
  void aCleanValidationSaysSo() {
    DatasetStatistics stats = seattle("2012");
    Schema schema = SchemaInference.infer(stats, InferenceOptions.defaults());
    String html = HtmlReports.validation("validation", stats,
        ExampleValidator.validate(stats, schema, ValidationOptions.defaults()));

    assertThat(html).contains("class=\"summary ok\">No anomalies");
  }

  @Test
  void comparisonOverlaysBothSidesAndMarksThresholds() {
    DatasetStatistics baseline = seattle("2012");
    DatasetStatistics current = seattle("2015");
    Schema inferred = SchemaInference.infer(baseline, InferenceOptions.defaults());
    Schema schema = inferred.withFeature(inferred.feature("temp_max").orElseThrow()
        .withDriftComparator(Comparator.jensenShannonDivergence(0.01)));
    DatasetComparison comparison = DistributionComparison.compare(baseline, current);
    List<Anomaly> anomalies = ComparisonChecks.drift(schema, null, comparison);
    String html = HtmlReports.comparison("drift", "2012 <a>", "2015", comparison, Map.of("temp_max", 0.01),
        anomalies);

    assertThat(anomalies).extracting(Anomaly::feature).containsExactly("temp_max");
    assertThat(count(html, "<svg")).isEqualTo(comparison.features().size());
    assertThat(html.indexOf("id=\"anomalies\"")).isLessThan(html.indexOf("id=\"features\""));
    assertThat(html).contains("above threshold 0.01").contains("class=\"base\"").contains("class=\"curr\"")
        .contains("baseline: 2012 &lt;a&gt;").contains("Wasserstein").contains("PSI");
  }

  @Test
  void pagesFetchNothing() {
    String html = HtmlReports.statistics("seattle", seattle("2015"));

    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
  }
}
