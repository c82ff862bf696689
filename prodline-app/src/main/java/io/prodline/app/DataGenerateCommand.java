package io.prodline.app;

import io.prodline.data.synthetic.SyntheticCsv;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prodline data generate}: seeded synthetic CSV. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
        "Write seeded synthetic CSV data of known structure (benchmarks, drift experiments).",
        "",
        "Columns cycle through five kinds: num_i normal(10 + drift, 3), amount_i log-normal, count_i integer",
        "counts, cat_i one of 50 Zipf-distributed categories, flag_i true/false. The same seed gives the same",
        "bytes; --drift shifts the numeric means and flattens the category frequencies."},
    footer = {
        "",
        "Examples:",
        "  prodline data generate --rows 10000000 --columns 20 --output /tmp/train.csv",
        "  prodline data generate --rows 100000 --columns 20 --drift 0.5 --seed 2 --output /tmp/live.csv"})
final class DataGenerateCommand implements Callable<Integer> {
  @Option(names = "--rows", required = true, description = "Rows to write.")
  long rows;

  @Option(names = "--columns", defaultValue = "20", description = "Columns (default: ${DEFAULT-VALUE}).")
  int columns;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--missing", defaultValue = "0.05",
      description = "Share of empty cells in every column but the first (default: ${DEFAULT-VALUE}).")
  double missing;

  @Option(names = "--drift", defaultValue = "0", description = "Shift of the distributions (default: ${DEFAULT-VALUE}).")
  double drift;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "CSV file to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    try (ProgressBar bar = Progress.bar("generate", rows, "rows")) {
      new SyntheticCsv(columns, seed, missing, drift).write(output, rows, bar::stepTo);
    }
    System.out.println("Wrote " + rows + " rows x " + columns + " columns to " + output);
    return 0;
  }
}
