package io.prodline.app;

import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.train.evaluate.Blessing;
import io.prodline.train.evaluate.Evaluation;
import io.prodline.train.evaluate.EvaluationJson;
import io.prodline.train.evaluate.Evaluator;
import io.prodline.train.evaluate.FairnessCheck;
import io.prodline.train.evaluate.FeatureValueSlices;
import io.prodline.train.evaluate.MetricThreshold;
import io.prodline.train.evaluate.ModelValidator;
import io.prodline.train.evaluate.SliceSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prodline evaluate}: a bundle and labelled data in, metrics and a blessing out. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluate a model bundle on labelled data: metrics overall and per slice, compared with a baseline "
            + "bundle when given, checked against thresholds.",
        "Writes every number as JSON and prints a summary.",
        "Exit status 1 when thresholds are given and the model is not blessed."},
    footer = {
        "",
        "Example:",
        "  prodline evaluate --model models/cancer/2 --data holdout.csv --baseline models/cancer/1 \\",
        "      --threshold 'roc_auc>=0.95' --threshold 'roc_auc~0.01' --output metrics.json"})
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The bundle to evaluate.")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "CSV with the bundle's input columns and its label column.")
  Path data;

  @Option(names = "--baseline", paramLabel = "DIR", description = "The bundle in production, evaluated on the same rows.")
  Path baseline;

  @Option(names = "--slice", paramLabel = "COLUMN", description = "Also report metrics per value of this column (repeatable).")
  List<String> slices = new ArrayList<>();

  @Option(names = "--threshold", paramLabel = "RULE", description = {
      "metric>=value, metric<=value, or metric~tolerance (no worse than the baseline by more than tolerance);",
      "prefix with slice: to check one slice, e.g. 'sex=female:recall>=0.9' (repeatable)."})
  List<String> thresholds = new ArrayList<>();

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "Where to write the JSON.")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Frame frame = DataFiles.read(data);
    List<SliceSpec> sliceSpecs = slices.stream().<SliceSpec>map(FeatureValueSlices::new).toList();
    Evaluation candidate = evaluate(model, frame, sliceSpecs);
    Evaluation base = baseline == null ? null : evaluate(baseline, frame, sliceSpecs);
    List<MetricThreshold> rules = thresholds.stream().map(ThresholdRule::parse).toList();
    Blessing blessing = ModelValidator.validate(candidate, base, rules, FairnessCheck.defaults(candidate.task()));
    Files.writeString(output, new EvaluationReport(candidate, base, blessing).toJson());
    EvaluationPrinter.print(candidate, base, blessing, !rules.isEmpty(), out);
    out.println("Wrote " + output);
    return rules.isEmpty() || blessing.blessed() ? 0 : 1;
  }

  private static Evaluation evaluate(Path bundle, Frame frame, List<SliceSpec> slices) {
    try (Predictor predictor = Predictor.load(bundle)) {
      return Evaluator.evaluate(predictor, frame, slices);
    }
  }

  /** The JSON written by {@code --output}: the candidate's evaluation, the baseline's, and the blessing. */
  record EvaluationReport(Evaluation candidate, Evaluation baseline, Blessing blessing) {
    String toJson() {
      return "{\"candidate\": " + EvaluationJson.write(candidate) + ",\n\"baseline\": "
          + (baseline == null ? "null" : EvaluationJson.write(baseline)) + ",\n\"blessing\": "
          + EvaluationJson.write(blessing) + "}\n";
    }
  }
}
