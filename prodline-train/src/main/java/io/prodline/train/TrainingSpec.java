package io.prodline.train;

import io.prodline.core.bundle.Task;
import io.prodline.train.transform.TransformSpec;
import io.prodline.train.xgboost.XGBoostParams;
import java.util.Objects;

/**
 * What to train: the model's name, the label column, the task (null: inferred from the label), how to split off
 * the eval rows, the booster settings and the feature transform (null: the default transform of every column
 * but the label, numbers passed through and strings through a vocabulary).
 */
public record TrainingSpec(String modelName, String label, Task task, double evalFraction, String splitKey,
                           long splitSeed, XGBoostParams params, TransformSpec transform) {
  public TrainingSpec {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(params, "params");
  }

  /** 20% eval split by row content, seed 0, default booster settings. */
  public static TrainingSpec defaults(String modelName, String label) {
    return new TrainingSpec(modelName, label, null, 0.2, null, 0, XGBoostParams.defaults(), null);
  }

  /** A copy with another transform spec (null: the default transform). */
  public TrainingSpec withTransform(TransformSpec newTransform) {
    return new TrainingSpec(modelName, label, task, evalFraction, splitKey, splitSeed, params, newTransform);
  }
}
