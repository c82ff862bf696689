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
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public final class Trainer implements Component {
  /** The training statistics inside a bundle written by this component. */
  public static final String STATISTICS_FILE = "statistics.json";

  @Override
  public String name() {
    return "Trainer";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Trains an XGBoost model on the train split and writes its bundle.";
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
            + "ExampleGen's seed, or the same hash would put every train row back in train."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("examples", ArtifactType.EXAMPLES), Port.optional("statistics", ArtifactType.STATISTICS),
            Port.optional("transform", ArtifactType.TRANSFORM_GRAPH),
            Port.optional("hyperparameters", ArtifactType.HYPERPARAMETERS)),
        List.of(Port.of("model", ArtifactType.MODEL)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    StepConfig config = context.config();
    Path examples = context.input("examples").path();
    Frame train = ExamplesFolder.read(examples, ExamplesFolder.TRAIN);
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
    TrainingSpec spec = new TrainingSpec(config.string("model_name"), config.string("label"), null,
        config.number("validation_fraction"), null, config.integer("validation_seed"), false,
        new XGBoostTrainer(XGBoostParams.fromMap(settings)), null);
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
}
