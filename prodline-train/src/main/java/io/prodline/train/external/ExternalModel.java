package io.prodline.train.external;

import io.prodline.core.bundle.LearningCurves;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.train.trainer.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * A model file an external trainer wrote, checked by {@link ExternalOutput}.
 *
 * @param runtime {@code xgboost} or {@code onnx}
 * @param loaded the model loaded by the runtime that will serve it, which evaluates it on the eval split
 * @param reportedMetrics the trainer's {@code metrics.json}
 */
record ExternalModel(String runtime, Path file, ModelRuntime loaded, Map<String, Double> reportedMetrics)
    implements TrainedModel {

  @Override
  public String modelFileName() {
    return file.getFileName().toString();
  }

  @Override
  public void writeModel(Path target) throws IOException {
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Optional<float[]> predict(float[] features, int rows) {
    return loaded == null ? Optional.empty() : Optional.of(loaded.predict(features, rows));
  }

  @Override
  public LearningCurves learningCurves() {
    return null;
  }

  @Override
  public Map<String, Double> featureImportance() {
    return Map.of();
  }
}
