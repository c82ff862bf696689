package io.prodline.pipeline.components;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.tune.SearchSpace;
import io.prodline.train.tune.Strategy;
import io.prodline.train.tune.TuneResult;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Searches XGBoost settings over a search space ({@link SearchSpace}'s YAML, a {@code file} setting) with
 * {@link io.prodline.train.tune.Tuner} on the train split, holding out the same rows the Trainer holds out
 * ({@code validation_fraction}, {@code validation_seed}), and writes the best configuration with the explanation
 * of the choice ({@link Hyperparameters}). A Trainer given this output trains with those values. With a
 * TransformGraph connected every trial uses its spec.
 */
public final class Tuner implements Component {
  @Override
  public String name() {
    return "Tuner";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Searches XGBoost hyperparameters over a search space on the train split and writes the best.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.required("space", ParameterType.FILE,
            "The search space (YAML: metric, fixed, params, halving; see docs/trainers.md), relative to the "
                + "pipeline file."),
        Parameter.required("label", ParameterType.STRING, "The column to predict."),
        Parameter.withDefault("strategy", "random", "random, grid or halving."),
        Parameter.withDefault("trials", 10L, "Configurations to try (grid: ignored; halving: the first rung)."),
        Parameter.withDefault("parallel", 2L, "Trials training at once."),
        Parameter.withDefault("seed", 0L, "Seed of the random draws."),
        Parameter.withDefault("validation_fraction", 0.2,
            "Share of the train split held out to score trials; keep it equal to the Trainer's."),
        Parameter.withDefault("validation_seed", 1L, "Seed of that hold-out's hash split; keep it equal to the "
            + "Trainer's."));
  }

  @Override
  public List<String> check(StepConfig config) {
    List<String> problems = new ArrayList<>();
    if (config.has("strategy")) {
      try {
        Strategy.parse(config.string("strategy"));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (config.has("trials") && config.integer("trials") < 1) {
      problems.add("trials must be at least 1");
    }
    if (config.has("parallel") && config.integer("parallel") < 1) {
      problems.add("parallel must be at least 1");
    }
    return problems;
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("examples", ArtifactType.EXAMPLES), Port.optional("transform", ArtifactType.TRANSFORM_GRAPH)),
        List.of(Port.of("hyperparameters", ArtifactType.HYPERPARAMETERS)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    StepConfig config = context.config();
    Path examples = context.input("examples").path();
    Frame train = ExamplesFolder.read(examples, ExamplesFolder.TRAIN);
    Path trainFile = ExamplesFolder.file(examples, ExamplesFolder.TRAIN);
    TrainingSpec base = new TrainingSpec("tuning", config.string("label"), null,
        config.number("validation_fraction"), null, config.integer("validation_seed"), false,
        new XGBoostTrainer(XGBoostParams.defaults()), null);
    Optional<InputArtifact> transform = context.optionalInput("transform");
    if (transform.isPresent()) {
      base = base.withTransform(TransformGraphFolder.spec(transform.get().path()));
    }
    int parallel = (int) config.integer("parallel");
    io.prodline.train.tune.Tuner tuner = new io.prodline.train.tune.Tuner(params -> trainer(params, parallel),
        parallel, config.integer("seed"), (trial, result) -> {
          synchronized (context.log()) {
            context.log().println(trial.succeeded()
                ? String.format(Locale.ROOT, "trial %3d  %.4f  %s", trial.number(), trial.score(), trial.params())
                : String.format(Locale.ROOT, "trial %3d  failed  %s: %s", trial.number(), trial.params(),
                    trial.error()));
          }
        });
    TuneResult result = tuner.tune(train,
        new TrainingResult.DataSource(trainFile.toString(), ContentFingerprint.sha256(trainFile)), base,
        SearchSpace.read(config.file("space")), Strategy.parse(config.string("strategy")),
        (int) config.integer("trials"));
    Hyperparameters.write(context.output("hyperparameters"), result.best().params(), result.metric().key(),
        result.best().score(), result.trials().size(), result.explanation());
    context.log().println(result.explanation());
  }

  /** XGBoost for one configuration; without an explicit nthread, the cores are shared among parallel trials. */
  private static io.prodline.train.trainer.Trainer trainer(Map<String, Object> params, int parallel) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.putIfAbsent("nthread", Math.max(1, Runtime.getRuntime().availableProcessors() / parallel));
    return new XGBoostTrainer(XGBoostParams.fromMap(p));
  }
}
