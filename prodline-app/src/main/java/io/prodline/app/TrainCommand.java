package io.prodline.app;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.pipeline.model.DurationText;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.external.ExternalParams;
import io.prodline.train.external.ExternalTrainer;
import io.prodline.train.runs.RunTracker;
import io.prodline.train.runs.TrainingRun;
import io.prodline.train.trainer.ClassWeights;
import io.prodline.train.trainer.Trainer;
import io.prodline.train.transform.TransformSpecReader;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prodline train}: data file in, evaluated model bundle out. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    showEndOfOptionsDelimiterInUsageHelp = true,
    description = {
        "Train a model on a CSV file, evaluate it on a held-out split and write its bundle.",
        "",
        "The task follows from the label: strings or booleans give a classifier (binary or multiclass), numbers a",
        "regression; --task overrides it. Rows are split into train and eval by a hash of the row (or of",
        "--split-key), so the same data always gives the same split. String columns get a vocabulary fitted on",
        "the train rows; it is stored in the bundle and applied again at serving time. Every run is recorded",
        "in the metadata store (see 'prodline runs').",
        "",
        "The trainer is XGBoost (gradient-boosted trees), set with --booster, --rounds, --max-depth, --eta,",
        "--early-stopping-rounds, --class-weight, --nthread and --seed. A COMMAND after '--' trains instead: any",
        "program (a PyTorch script, R, a binary) that reads the transformed train/eval rows and writes model.onnx or",
        "model.json, as docs/trainers.md describes. It starts in the current directory, its --trainer-param values",
        "reach it as params.json, and its output goes to trainer.log in its work directory under <home>/external.",
        "The split, transform, evaluation, run record and bundle are the same as with XGBoost."},
    footer = {
        "",
        "Examples:",
        "  prodline train --data examples/data/breast_cancer.csv --label diagnosis --output models/cancer/1",
        "  prodline serve --models models",
        "  prodline train --data examples/data/breast_cancer.csv --label diagnosis --output models/cancer_mlp/1 \\",
        "      --trainer-param epochs=200 -- /usr/bin/python3 examples/external-trainer/train_mlp.py"})
final class TrainCommand implements Callable<Integer> {
  /** The options that set XGBoost, which a trainer command replaces. */
  private static final List<String> XGBOOST_OPTIONS = List.of("--booster", "--early-stopping-rounds",
      "--class-weight", "--rounds", "--max-depth", "--eta", "--nthread", "--seed");
  private static final List<String> COMMAND_OPTIONS = List.of("--trainer-param", "--trainer-timeout");

  @Spec
  CommandSpec commandSpec;

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

  @Option(names = "--seed", defaultValue = "42", description = "XGBoost's random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Parameters(paramLabel = "COMMAND", arity = "0..*",
      description = "Train with this program and its arguments instead of XGBoost. Write it after '--' so that its "
          + "own options are not read as prodline's; each argument goes to the program as it is, without a shell, "
          + "so quote one that holds spaces as your shell wants.")
  List<String> trainerCommand = List.of();

  @Option(names = "--trainer-param", paramLabel = "KEY=VALUE",
      description = "A setting for the trainer COMMAND, written to its params.json (repeatable); numbers and "
          + "true/false become JSON numbers and booleans, anything else a string.")
  List<String> trainerParams = List.of();

  @Option(names = "--trainer-timeout", defaultValue = "1h", paramLabel = "DURATION",
      description = "Stop the trainer COMMAND (and its children) when it runs longer: 500ms, 30s, 10m, 2h "
          + "(default: ${DEFAULT-VALUE}).")
  String trainerTimeout;

  @Override
  public Integer call() throws Exception {
    Trainer trainer = trainerCommand.isEmpty() ? xgboost() : external();
    Frame frame = DataFiles.read(data);
    TrainingSpec spec = new TrainingSpec(modelName(), label, task == null ? null : Task.fromFileName(task),
        evalFraction, splitKey, splitSeed, stratify, trainer,
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

  private Trainer xgboost() {
    given(COMMAND_OPTIONS).ifPresent(option -> {
      throw new ProdlineException(option + " is for a trainer command; write the command after '--', e.g. "
          + "-- /usr/bin/python3 train.py");
    });
    XGBoostParams defaults = XGBoostParams.defaults();
    return new XGBoostTrainer(new XGBoostParams(booster, rounds, maxDepth, eta, defaults.subsample(),
        defaults.colsampleByTree(), defaults.minChildWeight(), defaults.lambda(), defaults.alpha(), seed,
        nthread, earlyStoppingRounds, new ClassWeights(classWeight)));
  }

  private Trainer external() {
    given(XGBOOST_OPTIONS).ifPresent(option -> {
      throw new ProdlineException(option + " sets XGBoost, which the trainer command " + trainerCommand
          + " replaces; give the command its settings with --trainer-param KEY=VALUE");
    });
    Duration timeout = DurationText.parse(trainerTimeout).orElseThrow(() -> new ProdlineException(
        "--trainer-timeout '" + trainerTimeout + "' is not a duration; write a whole number and a unit: 500ms, "
            + "30s, 10m or 2h"));
    return new ExternalTrainer(trainerCommand, Path.of(""),
        ExternalParams.parse(trainerParams, "--trainer-param"), tracking.metadata.home().resolve("external"),
        timeout);
  }

  /** The first of {@code options} written on the command line (options with defaults are always set). */
  private Optional<String> given(List<String> options) {
    return options.stream().filter(commandSpec.commandLine().getParseResult()::hasMatchedOption).findFirst();
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
