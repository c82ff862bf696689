package io.prodline.pipeline.components;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.train.evaluate.Blessing;
import io.prodline.train.evaluate.ChangeKind;
import io.prodline.train.evaluate.Evaluation;
import io.prodline.train.evaluate.EvaluationJson;
import io.prodline.train.evaluate.Metric;
import io.prodline.train.evaluate.MetricThreshold;
import io.prodline.train.evaluate.ModelValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the candidate model on the eval split and blesses it or not, against absolute bounds and against the
 * baseline: the version the registry's {@code champion} alias points to. Because the verdict depends on that
 * baseline, its fingerprint is part of the cache key ({@link #extraCacheInputs}). A model is never its own
 * baseline: when the champion is the candidate itself (it was pushed already), the comparison is skipped, so
 * re-running an unchanged pipeline after a push stays a cache hit.
 */
public final class Evaluator implements Component {
  public static final String EVALUATION_FILE = "evaluation.json";
  public static final String BASELINE_FILE = "baseline_evaluation.json";
  public static final String BLESSING_FILE = "blessing.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "Evaluator";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Evaluates the model on the eval split and blesses it against bounds and the champion.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.optional("metric", ParameterType.STRING, "The metric that decides, e.g. roc_auc, accuracy, rmse; "
            + "without it every model is blessed."),
        Parameter.optional("lower_bound", ParameterType.NUMBER, "The candidate's metric must be at least this."),
        Parameter.optional("upper_bound", ParameterType.NUMBER, "The candidate's metric must be at most this."),
        Parameter.optional("max_regression", ParameterType.NUMBER,
            "How much worse than the champion the candidate may be (absolute; 0 = no worse)."),
        Parameter.optional("model_name", ParameterType.STRING,
            "The registered model whose champion is the baseline; default: the bundle's model name."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("model", ArtifactType.MODEL), Port.of("examples", ArtifactType.EXAMPLES)),
        List.of(Port.of("evaluation", ArtifactType.MODEL_EVALUATION),
            Port.of("blessing", ArtifactType.MODEL_BLESSING)));
  }

  @Override
  public Map<String, String> extraCacheInputs(StepContext context) {
    return Map.of("baseline", baseline(context).map(ModelVersion::bundleFingerprint).orElse("none"));
  }

  @Override
  public void run(StepContext context) throws Exception {
    InputArtifact model = context.input("model");
    Frame eval = ExamplesFolder.read(context.input("examples").path(), ExamplesFolder.EVAL);
    Path evaluationDir = Files.createDirectories(context.output("evaluation"));
    Path blessingDir = Files.createDirectories(context.output("blessing"));
    Evaluation candidate;
    try (Predictor predictor = Predictor.load(model.path())) {
      candidate = io.prodline.train.evaluate.Evaluator.evaluate(predictor, eval, List.of());
    }
    Files.writeString(evaluationDir.resolve(EVALUATION_FILE), EvaluationJson.write(candidate));
    Optional<ModelVersion> champion = baseline(context);
    Evaluation baseline = null;
    if (champion.isPresent()) {
      try (Predictor predictor = Predictor.load(Path.of(champion.get().uri()))) {
        baseline = io.prodline.train.evaluate.Evaluator.evaluate(predictor, eval, List.of());
      }
      Files.writeString(evaluationDir.resolve(BASELINE_FILE), EvaluationJson.write(baseline));
      context.log().println("baseline: " + champion.get().model() + " version " + champion.get().version());
    } else {
      context.log().println("no baseline: the model has no champion other than this candidate");
    }
    Blessing blessing = ModelValidator.validate(candidate, baseline, thresholds(context.config()), null);
    ObjectNode doc = (ObjectNode) JSON.readTree(EvaluationJson.write(blessing));
    champion.ifPresent(c -> doc.putObject("baseline").put("model", c.model()).put("version", c.version()));
    Files.writeString(blessingDir.resolve(BLESSING_FILE), doc.toPrettyString());
    context.log().println(blessing.blessed() ? "blessed" : "NOT blessed: " + blessing.failures());
  }

  /** Whether the Evaluator at {@code folder} blessed its model. */
  public static boolean blessed(Path folder) throws java.io.IOException {
    return JSON.readTree(folder.resolve(BLESSING_FILE).toFile()).path("blessed").asBoolean(false);
  }

  private static List<MetricThreshold> thresholds(StepConfig config) {
    if (!config.has("metric")) {
      return List.of();
    }
    MetricThreshold t = MetricThreshold.on(Metric.fromKey(config.string("metric")));
    if (config.has("lower_bound")) {
      t = t.atLeast(config.number("lower_bound"));
    }
    if (config.has("upper_bound")) {
      t = t.atMost(config.number("upper_bound"));
    }
    if (config.has("max_regression")) {
      t = t.noWorseThanBaseline(ChangeKind.ABSOLUTE, config.number("max_regression"));
    }
    return List.of(t);
  }

  /** The champion of the candidate's model, unless it is the candidate itself. */
  private static Optional<ModelVersion> baseline(StepContext context) {
    InputArtifact model = context.input("model");
    String name = context.config().optionalString("model_name")
        .orElseGet(() -> BundleReader.read(model.path()).manifest().name());
    return context.registry().versionByAlias(name, ModelRegistry.CHAMPION)
        .filter(v -> !v.bundleFingerprint().equals(model.fingerprint()));
  }
}
