package io.prodline.train;

import io.prodline.core.bundle.Task;
import io.prodline.train.xgboost.XGBoostParams;
import java.util.Objects;

/**
 * What to train: the model's name, the label column, the task (null: inferred from the label), how to split off
 * the eval rows, and the booster settings.
 */
public record TrainingSpec(String modelName, String label, Task task, double evalFraction, String splitKey,
                           long splitSeed, XGBoostParams params) {
  public TrainingSpec {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(params, "params");
  }

  /** 20% eval split by row content, seed 0, default booster settings. */
  public static TrainingSpec defaults(String modelName, String label) {
    return new TrainingSpec(modelName, label, null, 0.2, null, 0, XGBoostParams.defaults());
  }
}
