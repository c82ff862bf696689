package io.prodline.app;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.Task;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.runs.RunTracker;
import io.prodline.train.runs.TrainingRun;
import io.prodline.train.trainer.ClassWeights;
import io.prodline.train.transform.TransformSpecReader;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prodline train}: data file in, evaluated model bundle out. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
        "Train a gradient-boosted tree model on a CSV file, evaluate it on a held-out split and write its bundle.",
        "",
        "The task follows from the label: strings or booleans give a classifier (binary or multiclass), numbers a",
        "regression; --task overrides it. Rows are split into train and eval by a hash of the row (or of",
        "--split-key), so the same data always gives the same split. String columns get a vocabulary fitted on",
        "the train rows; it is stored in the bundle and applied again at serving time. Every run is recorded",
        "in the metadata store (see 'prodline runs')."},
    footer = {
        "",
        "Example:",
        "  prodline train --data examples/data/breast_cancer.csv --label diagnosis --output models/cancer/1",
        "  prodline serve --models models"})
final class TrainCommand implements Callable<Integer> {
  @Mixin
  Tracking tracking = new Tracking();

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row.")
  Path data;

  @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The column to predict.")
  String label;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Bundle directory to create, e.g. models/<name>/<version>; it must not exist.")
  Path output;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Model name in the bundle (default: the parent folder of --output, else the data file's name).")
  String name;

  @Option(names = "--task", paramLabel = "TASK",
      description = "binary_classification, multiclass_classification or regression (default: inferred).")
  String task;

  @Option(names = "--eval-fraction", defaultValue = "0.2", paramLabel = "F",
      description = "Share of rows held out for evaluation (default: ${DEFAULT-VALUE}).")
  double evalFraction;

  @Option(names = "--split-key", paramLabel = "COLUMN",
      description = "Split by the hash of this column (e.g. a customer id) instead of the whole row.")
  String splitKey;

  @Option(names = "--stratify",
      description = "Split each class separately (seeded by --split-seed) so both sides keep the class shares.")
  boolean stratify;

  @Option(names = "--split-seed", defaultValue = "0", paramLabel = "N",
      description = "Seed of the split (default: ${DEFAULT-VALUE}).")
  long splitSeed;

  @Option(names = "--booster", defaultValue = "gbtree", paramLabel = "KIND",
      description = "gbtree (trees) or gblinear (logistic/linear regression) (default: ${DEFAULT-VALUE}).")
  String booster;

  @Option(names = "--early-stopping-rounds", defaultValue = "0", paramLabel = "N",
      description = "Stop when the eval loss has not improved for N rounds; the bundle keeps the best round "
          + "(default: ${DEFAULT-VALUE}, never stop).")
  int earlyStoppingRounds;

  @Option(names = "--class-weight", defaultValue = "none", paramLabel = "W",
      description = "none, balanced, or class=weight pairs such as malignant=3,benign=1 (default: ${DEFAULT-VALUE}).")
  String classWeight;

  @Option(names = "--rounds", defaultValue = "100", description = "Boosting rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--max-depth", defaultValue = "6", description = "Maximum tree depth (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--eta", defaultValue = "0.3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double eta;

  @Option(names = "--transform", description = "Transform spec (YAML, see docs/transforms.md); default: numbers "
      + "as they are, strings through a vocabulary.")
  Path transform;

  @Option(names = "--nthread", defaultValue = "0", paramLabel = "N",
      description = "XGBoost threads; 0 (default) uses every core. Fix it to compare timings across machines.")
  int nthread;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    Frame frame = DataFiles.read(data);
    XGBoostParams defaults = XGBoostParams.defaults();
    XGBoostParams params = new XGBoostParams(booster, rounds, maxDepth, eta, defaults.subsample(),
        defaults.colsampleByTree(), defaults.minChildWeight(), defaults.lambda(), defaults.alpha(), seed,
        nthread, earlyStoppingRounds, new ClassWeights(classWeight));
    TrainingSpec spec = new TrainingSpec(modelName(), label, task == null ? null : Task.fromFileName(task),
        evalFraction, splitKey, splitSeed, stratify, new XGBoostTrainer(params),
        transform == null ? null : TransformSpecReader.read(transform));
    TrainingResult result = TrainingJob.run(frame,
        new TrainingResult.DataSource(data.toString(), ContentFingerprint.sha256(data)), spec);
    TrainingPrinter.print(result, System.out);
    Bundle bundle = result.writeBundle(output, versionFromPath());
    System.out.println("Wrote bundle " + bundle.directory());
    try (MetadataDatabase db = tracking.open()) {
      TrainingRun run = new RunTracker(db.store(), tracking.experiment)
          .record(TrainingRun.of(result, "train", null, bundle.directory(), Path.of("")));
      System.out.println("Recorded run " + run.id() + " in experiment '" + tracking.experiment + "' ("
          + db.url() + ")");
    }
    return 0;
  }

  private String modelName() {
    if (name != null) {
      return name;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && isVersion(output.getFileName().toString())) {
      return parent.getFileName().toString();
    }
    String file = data.getFileName().toString();
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** A bundle written to {@code .../<name>/<n>/} gets version n, as a model repository expects; else 1. */
  private long versionFromPath() {
    String last = output.getFileName().toString();
    return isVersion(last) ? Long.parseLong(last) : 1;
  }

  private static boolean isVersion(String s) {
    return s.matches("[1-9][0-9]{0,17}");
  }
}
