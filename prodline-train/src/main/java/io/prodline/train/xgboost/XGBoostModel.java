package io.prodline.train.xgboost;

import io.prodline.core.bundle.LearningCurves;
import io.prodline.core.runtime.xgboost.XGBoostRuntimeProvider;
import io.prodline.train.trainer.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;

/**
 * A booster trained by {@link XGBoostTrainer}. Its predictions come from XGBoost itself, so comparing them with
 * the bundle's (prodline's pure-Java runtime) checks that runtime.
 */
public record XGBoostModel(Booster booster, LearningCurves learningCurves, Map<String, Double> featureImportance)
    implements TrainedModel {
  public static final String MODEL_FILE = "model.json";

  @Override
  public String runtime() {
    return XGBoostRuntimeProvider.NAME;
  }

  @Override
  public String modelFileName() {
    return MODEL_FILE;
  }

  @Override
  public void writeModel(Path file) throws IOException {
    Files.write(file, XGBoostTrainer.toJson(booster));
  }

  @Override
  public Optional<float[]> predict(float[] features, int rows) {
    int width = features.length / Math.max(rows, 1);
    return Optional.of(XGBoostTrainer.predict(booster, features, rows, width));
  }

  @Override
  public Map<String, Double> reportedMetrics() {
    return Map.of();
  }
}
