package io.prodline.pipeline.components;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.core.transform.FittedTransform;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.external.ExternalParams;
import io.prodline.train.external.ExternalTrainer;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains XGBoost on the train split with {@link TrainingJob} and writes the model bundle as its output folder.
 * When the training statistics are connected they are copied into the bundle as {@code statistics.json}, the
 * baseline that serving-time drift checks compare against. With a TransformGraph connected ({@link Transform}'s
 * output) the model is trained on that fitted transform as it is, so the bundle's {@code transform.json} is the
 * Transform step's; with hyperparameters connected ({@link Tuner}'s output) the tuned values override the step's
 * own {@code rounds}, {@code max_depth} and {@code eta} and set any other XGBoost parameter they name.
 *
 * <p>With {@code command} set, that program trains instead of XGBoost ({@link ExternalTrainer}, started in the
 * pipeline file's directory like the Command component, given {@code command_params} as its parameters); the
 * step's {@code timeout} bounds it. The Tuner searches XGBoost settings, so such a step takes no hyperparameters.
 */
public final class Trainer implements Component {
  /** The training statistics inside a bundle written by this component. */
  public static final String STATISTICS_FILE = "statistics.json";
  static final String COMMAND = "command";
  static final String COMMAND_PARAMS = "command_params";
  /** Under prodline's home: one work directory per external training run. */
  private static final String EXTERNAL_WORK = "external";
  private static final Duration UNLIMITED = Duration.ofMillis(Long.MAX_VALUE);

  @Override
  public String name() {
    return "Trainer";
  }

  @Override
  public int version() {
    return 2; // 2: bundles record the transform's hashes
  }

  @Override
  public String description() {
    return "Trains an XGBoost model (or runs a trainer command) on the train split and writes its bundle.";
  }

  @Override
  public List<Parameter> parameters() {
    XGBoostParams d = XGBoostParams.defaults();
    return List.of(
        Parameter.required("label", ParameterType.STRING, "The column to predict."),
        Parameter.required("model_name", ParameterType.STRING, "The model's name in the bundle and the registry."),
        Parameter.withDefault("rounds", (long) d.rounds(), "Boosting rounds."),
        Parameter.withDefault("max_depth", (long) d.maxDepth(), "Maximum tree depth."),
        Parameter.withDefault("eta", d.eta(), "Learning rate."),
        Parameter.withDefault("validation_fraction", 0.2,
            "Share of the train split held out for the metrics written into the bundle."),
        Parameter.withDefault("validation_seed", 1L, "Seed of that hold-out's hash split; it must differ from "
            + "ExampleGen's seed, or the same hash would put every train row back in train."),
        Parameter.optional(COMMAND, ParameterType.STRING_LIST, "Train with this program and its arguments instead "
            + "of XGBoost (an external trainer, docs/trainers.md), started in the pipeline file's directory. The "
            + "command line and the content of every file it names are part of the cache key; code imported from "
            + "elsewhere is not: set cache_version when it changes."),
        Parameter.optional(COMMAND_PARAMS, ParameterType.STRING_LIST,
            "The command's settings as key=value, written to its params.json (numbers and true/false typed)."));
  }

  @Override
  public List<String> check(StepConfig config) {
    return config.has(COMMAND_PARAMS) && !config.has(COMMAND)
        ? List.of(COMMAND_PARAMS + " are settings for a command; add command: [program, args...] or remove them")
        : List.of();
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    List<Port> inputs = new ArrayList<>(List.of(Port.of("examples", ArtifactType.EXAMPLES),
        Port.optional("statistics", ArtifactType.STATISTICS),
        Port.optional("transform", ArtifactType.TRANSFORM_GRAPH)));
    if (!config.has(COMMAND)) {
      inputs.add(Port.optional("hyperparameters", ArtifactType.HYPERPARAMETERS));
    }
    return new Signature(inputs, List.of(Port.of("model", ArtifactType.MODEL)));
  }

  /** The trainer command's script and any other file its arguments name (none for XGBoost). */
  @Override
  public Map<String, String> extraCacheInputs(StepContext context) {
    StepConfig config = context.config();
    return config.has(COMMAND) ? CommandFiles.fingerprints(config.strings(COMMAND), config.baseDirectory())
        : Map.of();
  }

  @Override
  public void run(StepContext context) throws Exception {
    StepConfig config = context.config();
    Path examples = context.input("examples").path();
    Frame train = ExamplesFolder.read(examples, ExamplesFolder.TRAIN);
    TrainingSpec spec = new TrainingSpec(config.string("model_name"), config.string("label"), null,
        config.number("validation_fraction"), null, config.integer("validation_seed"), false,
        config.has(COMMAND) ? external(context) : xgboost(context), null);
    FittedTransform fitted = null;
    Optional<InputArtifact> transform = context.optionalInput("transform");
    if (transform.isPresent()) {
      spec = spec.withTransform(TransformGraphFolder.spec(transform.get().path()));
      fitted = TransformGraphFolder.transform(transform.get().path());
      context.log().println("using the fitted transform of " + transform.get().path());
    }
    Path trainFile = ExamplesFolder.file(examples, ExamplesFolder.TRAIN);
    TrainingResult result = TrainingJob.run(train,
        new TrainingResult.DataSource(trainFile.toString(), ContentFingerprint.sha256(trainFile)), spec, fitted);
    Path model = context.output("model");
    result.writeBundle(model, 1);
    Optional<InputArtifact> statistics = context.optionalInput("statistics");
    if (statistics.isPresent()) {
      Files.copy(StatisticsGen.file(statistics.get().path(), ExamplesFolder.TRAIN), model.resolve(STATISTICS_FILE));
    }
    context.log().println("trained " + spec.modelName() + " on " + train.rowCount() + " rows; held-out metrics "
        + result.metrics());
  }

  private static io.prodline.train.trainer.Trainer xgboost(StepContext context) throws IOException {
    StepConfig config = context.config();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("rounds", config.integer("rounds"));
    settings.put("max_depth", config.integer("max_depth"));
    settings.put("eta", config.number("eta"));
    Optional<InputArtifact> tuned = context.optionalInput("hyperparameters");
    if (tuned.isPresent()) {
      Map<String, Object> values = Hyperparameters.params(tuned.get().path());
      settings.putAll(values);
      context.log().println("tuned hyperparameters override the step's settings: " + values);
    }
    return new XGBoostTrainer(XGBoostParams.fromMap(settings));
  }

  /** No limit of its own: the step's timeout interrupts the attempt, which stops the command and its children. */
  private static io.prodline.train.trainer.Trainer external(StepContext context) {
    StepConfig config = context.config();
    List<String> command = config.strings(COMMAND);
    context.log().println("training with the command " + command + "; its log is trainer.log under "
        + context.home().resolve(EXTERNAL_WORK));
    return new ExternalTrainer(command, config.baseDirectory(),
        ExternalParams.parse(config.has(COMMAND_PARAMS) ? config.strings(COMMAND_PARAMS) : List.of(), COMMAND_PARAMS),
        context.home().resolve(EXTERNAL_WORK), UNLIMITED);
  }
}
