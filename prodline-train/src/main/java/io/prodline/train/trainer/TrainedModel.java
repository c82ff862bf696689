package io.prodline.train.trainer;

import io.prodline.core.bundle.LearningCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a {@link Trainer} produced: a model file for a named runtime, and what the trainer learned about it. */
public interface TrainedModel {
  /** The runtime that serves {@link #modelFileName()}, as written in {@code bundle.yaml}. */
  String runtime();

  /** The model file's name inside the bundle, e.g. {@code model.json}. */
  String modelFileName();

  void writeModel(Path file) throws IOException;

  /**
   * The model's outputs on encoded rows, row-major, as the library that trained it computes them; empty when no
   * runtime in this process can run it (then the trainer's {@link #reportedMetrics()} stand in).
   */
  Optional<float[]> predict(float[] features, int rows);

  /** Loss per round on train and eval rows; null when the trainer reports none. */
  LearningCurves learningCurves();

  /** Importance per model input; empty when the trainer reports none. */
  Map<String, Double> featureImportance();

  /** Metrics the trainer computed itself (an external trainer's {@code metrics.json}); usually empty. */
  Map<String, Double> reportedMetrics();
}
