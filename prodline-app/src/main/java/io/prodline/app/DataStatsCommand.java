package io.prodline.app;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvOptions;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsJson;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prodline data stats}: StatisticsGen on a file. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
        "Compute per-column statistics of a CSV file in one streaming pass, on all cores.",
        "",
        "Numeric columns: count, missing, mean, population std, min, max, zeros, NaN and infinities (counted,",
        "never folded into the mean), quantiles and histograms from a KLL sketch (its rank error is in the",
        "output). String columns: distinct count (HLL), top values with counts, lengths. Bool: true count.",
        "Memory stays bounded whatever the file size."},
    footer = {
        "",
        "Examples:",
        "  prodline data stats --data examples/data/seattle-weather.csv",
        "  prodline data stats --data big.csv --output stats.json --slice region --threads 2"})
final class DataStatsCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  Path data;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the statistics as JSON here.")
  Path output;

  @Option(names = "--slice", paramLabel = "COLUMN", description = "Also compute statistics per value of this column.")
  String slice;

  @Option(names = "--weight", paramLabel = "COLUMN", description = "Numeric column of example weights.")
  String weight;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--batch-rows", defaultValue = "65536", paramLabel = "N",
      description = "Rows per batch handed to a worker (default: ${DEFAULT-VALUE}).")
  int batchRows;

  @Override
  public Integer call() throws Exception {
    StatisticsOptions options = StatisticsOptions.defaults().withSliceColumn(slice).withWeightColumn(weight);
    if (threads != null) {
      options = options.withThreads(threads);
    }
    long start = System.nanoTime();
    DatasetStatistics stats;
    try (CsvSource source = CsvSource.open(data, CsvOptions.defaults().withBatchRows(batchRows));
         ProgressBar bar = Progress.bar("stats", -1, "rows")) {
      Iterator<Frame> batches = source.iterator();
      Iterator<Frame> counted = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return batches.hasNext();
        }

        @Override
        public Frame next() {
          Frame f = batches.next();
          bar.stepBy(f.rowCount());
          return f;
        }
      };
      stats = new StatisticsCollector(options).collect(counted);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%d rows x %d columns in %.2f s (%.0f rows/s)%n", stats.numExamples(),
        stats.features().size(), seconds, stats.numExamples() / seconds);
    DataSummary.print(stats, System.out);
    if (output != null) {
      Files.writeString(output, StatisticsJson.write(stats), StandardCharsets.UTF_8);
      System.out.println("Wrote " + output);
    }
    return 0;
  }
}
