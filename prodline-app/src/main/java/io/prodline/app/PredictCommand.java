package io.prodline.app;

import io.prodline.app.batch.BatchScorer;
import io.prodline.app.batch.OutputColumns;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline predict}: batch prediction with a bundle or a bare model, streaming, on all cores. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
        "Predict every row of a data set with a model and write the predictions to a CSV, JSON-lines, Parquet or "
            + "Arrow IPC (Feather) file.",
        "",
        "The model is a bundle directory (from prodline train) or a directory holding only a bare model.json /",
        "model.ubj (XGBoost) or model.onnx, whose inputs are named by the model (see docs/batch-prediction.md).",
        "The input is read in batches (CSV, JSON lines, Parquet, Arrow IPC / Feather, a directory or glob of",
        "them, or a jdbc: URL with --query) and predicted on --threads workers; memory stays bounded whatever",
        "the input's size.",
        "Output rows are in input order: the --keep columns, then 'prediction' (regression, or the probability",
        "of the second class), 'predicted_class' (classification) and one 'p_<class>' per class (multiclass).",
        "The output file appears only when complete: on any error no file is left."},
    footer = {
        "",
        "Examples:",
        "  prodline predict --model models/churn/3 --input customers.csv --output scores.csv --keep customer_id",
        "  prodline predict --model models/fraud/1 --input 'events/2024-*/*.parquet' --output fraud.parquet \\",
        "      --threads 8 --skip-bad-records 100",
        "  prodline predict --model xgb/ --input rows.jsonl --output out.csv   (xgb/ holds only model.json)"})
final class PredictCommand implements Callable<Integer> {
  /**
   * Rows per batch. Smaller than the data commands' batches: a batch is parsed, encoded into the model's matrix
   * and written as text, and at 65,536 rows those buffers are megabytes each, which on 10M rows cost 2.4 times
   * the kernel time (fresh memory) and 3-4 times the resident memory for 10-20% less throughput.
   */
  static final int BATCH_ROWS = 8_192;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A bundle directory, or a directory with a bare model.json, model.ubj or model.onnx.")
  Path model;

  @Option(names = "--input", required = true, paramLabel = "LOCATION",
      description = "File, directory, glob or jdbc: URL to predict.")
  String input;

  @Option(names = "--query", paramLabel = "SQL", description = "The SQL query of a jdbc: input.")
  String query;

  @Option(names = "--output", required = true, paramLabel = "FILE",
      description = "Where to write the predictions: a .csv, .jsonl, .parquet or Arrow IPC (.arrow, .feather) "
          + "file (replaced when it exists).")
  Path output;

  @Option(names = "--keep", arity = "1..*", split = ",", paramLabel = "COLUMN",
      description = "Input columns to copy to the output before the predictions, e.g. an id (--keep id,ts or "
          + "--keep id ts).")
  List<String> keep = List.of();

  @Option(names = "--allow-nan",
      description = "Give the model NaN (and missing values) and infinities whatever it is, as serve --allow-nan "
          + "does. By default a row with a value the model does not take fails the run, naming it: a missing value "
          + "for a model that defines none (ONNX; its prediction would be NaN), or an infinity.")
  boolean allowNaN;

  @Mixin
  ReadOptions read;

  @Override
  public Integer call() {
    refuseOutputOverInput();
    DataInput in = new DataInput(input, query, "--query");
    int threads = read.threads == null ? Runtime.getRuntime().availableProcessors() : read.threads;
    try (Predictor predictor = Predictor.load(model);
         DataSource source = DataSources.open(input,
             // The model's inputs read as the model takes them, not as a sample of rows suggests: a feature empty in
             // the first rows is still numbers, and "abc" in one is a bad row naming its line.
             read.source(BATCH_ROWS, query).withTypeHints(predictor.inputTypes()))) {
      SourceReport.warnings(source);
      OutputColumns columns = new OutputColumns(predictor.bundle().manifest(), keep);
      BatchScorer.Result result;
      // Parquet and Arrow files say how many rows they hold, which gives the bar its end and an estimate of the time.
      try (ProgressBar bar = Progress.bar("predict", source.knownRows().orElse(-1), "rows")) {
        result = new BatchScorer(predictor, columns, threads, allowNaN).score(source, output, bar::stepBy);
      }
      SourceReport.badRecords(in, source, " (no output row)");
      System.out.printf(Locale.ROOT, "Predicted %d rows in %.2f s (%.0f rows/s) with %d thread%s; wrote %s%n",
          result.rows(), result.seconds(), result.rowsPerSecond(), threads, threads == 1 ? "" : "s", output);
    }
    return 0;
  }

  /**
   * Refuses an output that is the input file itself: the predictions would replace the data as it is read (the
   * output is moved into place at the end, so the run would succeed and the data be gone).
   */
  private void refuseOutputOverInput() {
    try {
      if (Files.isSameFile(Path.of(input), output)) {
        throw new ProdlineException("--output " + output + " is the --input file: writing the predictions there "
            + "would replace the data; choose another output file");
      }
    } catch (IOException | InvalidPathException e) {
      // no such output yet, or an input that is no file (a glob, a jdbc: URL): nothing to overwrite
    }
  }
}
