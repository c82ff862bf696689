package io.prodline.train.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import io.prodline.core.runtime.xgboost.XGBoostRuntimeProvider;
import io.prodline.train.trainer.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Checks what an external trainer left in its output directory before prodline bundles it: exactly one model file,
 * loaded by the runtime that will serve it (XGBoost JSON by prodline's own evaluator, ONNX by ONNX Runtime), whose
 * signature fits the transform: as many inputs as the transform's width and an output width that fits the task.
 * The loaded model then predicts the eval split, so the bundle's metrics are prodline's, not only the script's
 * {@code metrics.json} (kept as reported metrics when present).
 */
final class ExternalOutput {
  static final String XGBOOST_MODEL = "model.json";
  static final String ONNX_MODEL = "model.onnx";
  static final String METRICS = "metrics.json";

  private ExternalOutput() {}

  static ExternalModel check(Path output, TrainingData data, Path log) throws IOException {
    Path xgb = output.resolve(XGBOOST_MODEL);
    Path onnx = output.resolve(ONNX_MODEL);
    boolean hasXgb = Files.isRegularFile(xgb);
    boolean hasOnnx = Files.isRegularFile(onnx);
    if (hasXgb == hasOnnx) {
      throw new ProdlineException("external trainer: " + output + " must hold exactly one of " + XGBOOST_MODEL
          + " and " + ONNX_MODEL + ", but it holds " + (hasXgb ? "both" : "neither") + LogTail.of(log));
    }
    Map<String, Double> metrics = metrics(output.resolve(METRICS));
    String runtimeName = hasOnnx ? "onnx" : XGBoostRuntimeProvider.NAME;
    Path file = hasOnnx ? onnx : xgb;
    BundleManifest probe = new BundleManifest(BundleManifest.FORMAT_VERSION, "external", 1, runtimeName,
        file.getFileName().toString(), null, data.task(), null, data.classes(), List.of(), Map.of(), null, null,
        null, null);
    ModelRuntime runtime;
    try {
      runtime = ModelRuntimes.load(file, probe);
    } catch (ProdlineException e) {
      throw new ProdlineException("external trainer wrote a model prodline cannot load: " + e.getMessage()
          + LogTail.of(log), e);
    }
    if (runtime.inputWidth() != data.width()) {
      runtime.close();
      throw new ProdlineException("external trainer's " + file + " takes " + runtime.inputWidth()
          + " features, but the transform produces " + data.width() + " " + data.featureNames());
    }
    int expected = data.task() == Task.MULTICLASS_CLASSIFICATION ? data.classes().size() : 1;
    if (runtime.outputWidth() != expected) {
      runtime.close();
      throw new ProdlineException("external trainer's " + file + " gives " + runtime.outputWidth()
          + " output(s) per row, but a " + data.task().fileName() + " model must give " + expected);
    }
    return new ExternalModel(runtimeName, file, runtime, metrics);
  }

  private static Map<String, Double> metrics(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    try {
      return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, Double>>() {});
    } catch (IOException e) {
      throw new ProdlineException("external trainer's " + file + " must be a JSON object of metric name to number: "
          + e.getMessage(), e);
    }
  }
}
