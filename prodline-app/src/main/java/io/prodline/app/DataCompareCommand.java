package io.prodline.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.DistributionComparison;
import io.prodline.data.report.HtmlReports;
import io.prodline.data.schema.Comparator;
import io.prodline.data.schema.FeatureSchema;
import io.prodline.data.schema.Schema;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsOptions;
import io.prodline.data.validation.Anomaly;
import io.prodline.data.validation.ComparisonChecks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline data compare}: the drift or skew report of two data sets. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
        "Compare two data sets feature by feature: a drift or skew report.",
        "",
        "Drift: the previous span as --baseline, this span as --current. Skew: training data as --baseline,",
        "serving data as --current, and --skew.",
        "",
        "Categorical features: L-infinity distance of the value frequencies. Numeric features: Jensen-Shannon",
        "divergence (log base 2, 0..1) and PSI of the histograms on the union of both sides' bins, NaN and",
        "infinities as bins of their own; the Kolmogorov-Smirnov statistic and p-value, and the Wasserstein",
        "distance, with error bounds. The definitions are in docs/validation.md.",
        "",
        "With --schema, each feature's drift_comparator (or skew_comparator with --skew) threshold is checked:",
        "a distance strictly above it is an anomaly. Both locations may be statistics JSON files."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:no feature above its threshold (always, without --schema)",
        "1:a feature's distance is above its threshold",
        "2:bad input: a missing or unreadable file, bad data, a bad schema, a wrong option"},
    footer = {
        "",
        "Examples:",
        "  prodline data compare --baseline examples/data/seattle-weather-2012.csv \\",
        "      --current examples/data/seattle-weather-2015.csv --output comparison.json --html comparison.html",
        "  prodline data compare --baseline weather-2012.json --current examples/data/seattle-weather-2015.csv \\",
        "      --schema weather-schema.yaml --output comparison.json",
        "  prodline data compare --skew --baseline train.csv --current 'serving-logs/*.jsonl' \\",
        "      --schema schema.yaml --html skew.html"})
final class DataCompareCommand implements Callable<Integer> {
  @Option(names = "--baseline", required = true, paramLabel = "LOCATION",
      description = "The previous span (drift) or the training data (skew), or its statistics JSON.")
  String baseline;

  @Option(names = "--baseline-query", paramLabel = "SQL", description = "The SQL query of a jdbc: --baseline.")
  String baselineQuery;

  @Option(names = "--current", required = true, paramLabel = "LOCATION",
      description = "This span (drift) or the serving data (skew), or its statistics JSON.")
  String current;

  @Option(names = "--current-query", paramLabel = "SQL", description = "The SQL query of a jdbc: --current.")
  String currentQuery;

  @Option(names = "--schema", paramLabel = "FILE", description = "Schema YAML whose thresholds are checked.")
  Path schemaFile;

  @Option(names = "--skew", description = "Check skew_comparator thresholds instead of drift_comparator ones.")
  boolean skew;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the comparison as JSON here, with the anomalies the thresholds found.")
  Path output;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a report to open in a browser: both distributions of each feature overlaid.")
  Path html;

  @Mixin
  StatisticsReadOptions read;

  @Override
  public Integer call() {
    Schema schema = schemaFile == null ? null : SchemaFile.read(schemaFile);
    DataInput baselineInput = new DataInput(baseline, baselineQuery, "--baseline-query");
    DataInput currentInput = new DataInput(current, currentQuery, "--current-query");
    StatisticsOptions options = schema == null ? StatisticsOptions.defaults()
        : StatisticsOptions.defaults().withCategoricalColumns(schema.categoricalIntegerFeatures());
    DatasetStatistics baselineStats = InputStatistics.of(baselineInput, read, options);
    DatasetStatistics currentStats = InputStatistics.of(currentInput, read, options);
    DatasetComparison comparison = DistributionComparison.compare(baselineStats, currentStats);
    Map<String, Double> thresholds = schema == null ? Map.of() : thresholds(schema);
    List<Anomaly> anomalies = schema == null ? List.of() : skew ? ComparisonChecks.skew(schema, null, comparison)
        : ComparisonChecks.drift(schema, null, comparison);
    ComparisonPrinter.print(comparison, thresholds, System.out);
    AnomalyPrinter.print(anomalies, schema == null ? "No thresholds checked: give --schema to check them."
        : "No feature is above its threshold.", System.out);
    if (output != null) {
      ObjectNode json = OutputFiles.JSON.valueToTree(comparison);
      json.set("anomalies", OutputFiles.JSON.valueToTree(anomalies));
      OutputFiles.writeJson(output, json, "comparison");
    }
    if (html != null) {
      String title = (skew ? "Skew" : "Drift") + " of " + currentInput.displayName() + " from "
          + baselineInput.displayName();
      OutputFiles.write(html, HtmlReports.comparison(title, baselineInput.displayName(), currentInput.displayName(),
          comparison, thresholds, anomalies), "report");
    }
    return anomalies.isEmpty() ? 0 : 1;
  }

  /** The threshold of each feature with a comparator of the kind checked. */
  private Map<String, Double> thresholds(Schema schema) {
    Map<String, Double> thresholds = new LinkedHashMap<>();
    for (FeatureSchema f : schema.features()) {
      Comparator comparator = skew ? f.skewComparator() : f.driftComparator();
      if (comparator != null) {
        thresholds.put(f.name(), comparator.threshold());
      }
    }
    return thresholds;
  }
}
