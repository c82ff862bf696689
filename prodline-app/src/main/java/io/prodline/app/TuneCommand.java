package io.prodline.app;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.runs.RunTracker;
import io.prodline.train.runs.TrainingRun;
import io.prodline.train.trainer.Trainer;
import io.prodline.train.tune.SearchSpace;
import io.prodline.train.tune.Strategy;
import io.prodline.train.tune.Trial;
import io.prodline.train.tune.TuneResult;
import io.prodline.train.tune.Tuner;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline tune}: search XGBoost settings, record every trial, retrain and bundle the best. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    description = {
        "Search XGBoost parameters over a YAML search space (random, grid or successive halving), training "
            + "trials in parallel on one train/eval split.",
        "Every trial is recorded as a run; the best configuration is",
        "retrained, written as a bundle, and the choice explained (metric, value, runner-up).",
        "Search space format: docs/trainers.md."},
    footer = {
        "",
        "Example:",
        "  prodline tune --data examples/data/breast_cancer.csv --label diagnosis --space space.yaml \\",
        "      --trials 20 --parallel 4 --output models/cancer/2"})
final class TuneCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  Tracking tracking = new Tracking();

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The column to predict.")
  String label;

  @Option(names = "--space", required = true, paramLabel = "FILE", description = "The search space (YAML).")
  Path space;

  @Option(names = "--strategy", defaultValue = "random", description = "random, grid or halving (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(names = "--trials", defaultValue = "10",
      description = "Configurations to try (grid: ignored; halving: the first rung) (default: ${DEFAULT-VALUE}).")
  int trials;

  @Option(names = "--parallel", defaultValue = "2", description = "Trials training at once (default: ${DEFAULT-VALUE}).")
  int parallel;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--stratify", description = "Stratified train/eval split instead of by hash.")
  boolean stratify;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Bundle directory for the best model.")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Frame frame = DataFiles.read(data);
    SearchSpace searchSpace = SearchSpace.read(space);
    TrainingResult.DataSource source = new TrainingResult.DataSource(data.toString(), ContentFingerprint.sha256(data));
    String name = output.toAbsolutePath().getParent().getFileName().toString();
    TrainingSpec base = new TrainingSpec(name, label, null, 0.2, null, 0, stratify,
        new XGBoostTrainer(XGBoostParams.defaults()), null);
    String group = "tune-" + UUID.randomUUID();
    try (MetadataDatabase db = tracking.open()) {
      RunTracker tracker = new RunTracker(db.store(), tracking.experiment);
      Tuner tuner = new Tuner(this::trainer, parallel, seed, (trial, result) -> {
        if (result != null) {
          tracker.record(TrainingRun.of(result, "trial", group, null, Path.of("")));
        }
        synchronized (out) {
          out.println(describe(trial));
          out.flush();
        }
      });
      TuneResult result = tuner.tune(frame, source, base, searchSpace, Strategy.parse(strategy), trials);
      Bundle bundle = result.retrained().writeBundle(output, 1);
      TrainingRun best = tracker.record(TrainingRun.of(result.retrained(), "tuned", group, bundle.directory(),
          Path.of("")));
      out.println(result.explanation());
      out.println("Wrote bundle " + bundle.directory() + "; recorded as run " + best.id() + " (trials: 'prodline runs "
          + "list --experiment " + tracking.experiment + "')");
    }
    return 0;
  }

  /** XGBoost for one configuration; without an explicit nthread, the cores are shared among parallel trials. */
  private Trainer trainer(Map<String, Object> params) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.putIfAbsent("nthread", Math.max(1, Runtime.getRuntime().availableProcessors() / parallel));
    return new XGBoostTrainer(XGBoostParams.fromMap(p));
  }

  private static String describe(Trial t) {
    return t.succeeded()
        ? String.format(Locale.ROOT, "trial %3d  %.4f  %s", t.number(), t.score(), t.params())
        : String.format(Locale.ROOT, "trial %3d  failed  %s: %s", t.number(), t.params(), t.error());
  }
}
