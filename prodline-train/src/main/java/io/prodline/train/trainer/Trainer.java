package io.prodline.train.trainer;

import java.util.Map;

/**
 * Fits a model on encoded rows. This is the extension point for custom in-process trainers: implement it, build a
 * {@link io.prodline.train.TrainingSpec} with it, and {@link io.prodline.train.TrainingJob} does the rest (split,
 * transform, evaluation, bundle). The returned model names the runtime that serves it, which must be available
 * to the server through {@code io.prodline.core.runtime.ModelRuntimeProvider}.
 */
public interface Trainer {
  /** A short name for provenance and run tracking, e.g. {@code xgboost}. */
  String name();

  /** The settings this trainer fits with, as text, recorded in the bundle and the run. */
  Map<String, String> parameters();

  /**
   * Fits on {@code data.train*}; may watch {@code data.eval*} (early stopping, learning curves) but must not fit
   * on it, because the eval rows judge the result.
   */
  TrainedModel fit(TrainingData data);
}
