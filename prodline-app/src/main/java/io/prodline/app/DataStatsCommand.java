package io.prodline.app;

import io.prodline.data.report.HtmlReports;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsJson;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline data stats}: StatisticsGen on any location. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
        "Compute per-column statistics of a data set in one streaming pass, on all cores (StatisticsGen).",
        "",
        "Reads CSV, JSON lines (.jsonl, .ndjson, .json), Parquet and Arrow IPC (.arrow, .feather) files, a",
        "directory or a glob of them (each file a span), or a SQL query (a jdbc: URL with --query); see",
        "docs/data-sources.md.",
        "Numeric columns: count, missing, mean, population std, min, max, zeros, NaN and infinities (counted,",
        "never folded into the mean), quantiles and histograms from a KLL sketch (its rank error is in the",
        "output). String columns: distinct count (HLL), top values with counts, lengths. Bool: true count.",
        "Int64 columns named by --categorical (codes, ids, ratings) are summarised like strings.",
        "Memory stays bounded whatever the data size. The JSON output feeds data schema, validate and compare."},
    footer = {
        "",
        "Examples:",
        "  prodline data stats --data examples/data/seattle-weather.csv",
        "  prodline data stats --data examples/data/seattle-weather-2012.csv --output weather-2012.json \\",
        "      --html weather-2012.html",
        "  prodline data stats --data 'logs/2024-*/*.jsonl' --output stats.json --slice region --threads 2",
        "  prodline data stats --data orders.csv --categorical store_id,rating --output orders.json",
        "  prodline data stats --data 'jdbc:postgresql://localhost/shop?user=me' \\",
        "      --query 'SELECT * FROM orders WHERE day = current_date' --output orders.json"})
final class DataStatsCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "LOCATION",
      description = "File, directory, glob or jdbc: URL to read.")
  String data;

  @Option(names = "--query", paramLabel = "SQL", description = "The SQL query of a jdbc: location.")
  String query;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the statistics as JSON here.")
  Path output;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a report to open in a browser: a row per column with a histogram.")
  Path html;

  @Option(names = "--slice", paramLabel = "COLUMN", description = "Also compute statistics per value of this column.")
  String slice;

  @Option(names = "--weight", paramLabel = "COLUMN", description = "Numeric column of example weights.")
  String weight;

  @Mixin
  StatisticsReadOptions read;

  @Override
  public Integer call() {
    DataInput input = new DataInput(data, query, "--query");
    DatasetStatistics stats = InputStatistics.of(input, read,
        StatisticsOptions.defaults().withSliceColumn(slice).withWeightColumn(weight));
    DataSummary.print(stats, System.out);
    if (output != null) {
      OutputFiles.write(output, StatisticsJson.write(stats), "statistics");
    }
    if (html != null) {
      OutputFiles.write(html, HtmlReports.statistics("Statistics of " + input.displayName(), stats), "report");
    }
    return 0;
  }
}
