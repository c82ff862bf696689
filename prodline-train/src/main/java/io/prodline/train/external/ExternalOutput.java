package io.prodline.train.external;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.xgboost.XGBoostModelParser;
import io.prodline.core.runtime.xgboost.XGBoostRuntime;
import io.prodline.train.trainer.TrainingData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks what an external trainer left in its output directory before prodline bundles it: exactly one model file
 * whose signature fits the transform (XGBoost JSON: {@code num_feature} equals the transform's width and the
 * output width fits the task), and a readable {@code metrics.json} if there is one.
 *
 * <p>ONNX: only the file's presence and its first byte (a protobuf {@code ModelProto} starts with field 1,
 * {@code ir_version}, tag {@code 0x08}) are checked; checking its input and output shapes needs an ONNX runtime,
 * which prodline does not ship yet.
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
    if (hasOnnx) {
      checkOnnxHeader(onnx, log);
      return new ExternalModel("onnx", onnx, null, metrics);
    }
    XGBoostRuntime runtime;
    try {
      runtime = XGBoostModelParser.parse(xgb);
    } catch (ProdlineException e) {
      throw new ProdlineException("external trainer wrote an XGBoost model prodline cannot read: " + e.getMessage()
          + LogTail.of(log), e);
    }
    if (runtime.inputWidth() != data.width()) {
      throw new ProdlineException("external trainer's " + xgb + " takes " + runtime.inputWidth()
          + " features (num_feature), but the transform produces " + data.width() + " " + data.featureNames());
    }
    int expected = data.task() == Task.MULTICLASS_CLASSIFICATION ? data.classes().size() : 1;
    if (runtime.outputWidth() != expected) {
      throw new ProdlineException("external trainer's " + xgb + " gives " + runtime.outputWidth()
          + " output(s) per row, but a " + data.task().fileName() + " model must give " + expected);
    }
    return new ExternalModel("xgboost", xgb, runtime, metrics);
  }

  private static void checkOnnxHeader(Path onnx, Path log) throws IOException {
    try (InputStream in = Files.newInputStream(onnx)) {
      int first = in.read();
      if (first != 0x08) {
        throw new ProdlineException("external trainer's " + onnx + " is not an ONNX model (it does not start "
            + "with the ir_version field of a ModelProto)" + LogTail.of(log));
      }
    }
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
