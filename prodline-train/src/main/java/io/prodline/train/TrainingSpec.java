package io.prodline.train;

import io.prodline.core.bundle.Task;
import io.prodline.train.trainer.Trainer;
import io.prodline.train.transform.TransformSpec;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.util.Objects;

/**
 * What to train: the model's name, the label column, the task (null: inferred from the label), how to split off
 * the eval rows, the trainer and the feature transform.
 *
 * @param stratify split each class separately ({@link io.prodline.train.split.StratifiedSplit}, seeded by
 *     {@code splitSeed}) instead of by hash; classification only
 * @param transform the feature transform; null means the default: every column but the label, numbers passed
 *     through and strings through a vocabulary
 */
public record TrainingSpec(String modelName, String label, Task task, double evalFraction, String splitKey,
                           long splitSeed, boolean stratify, Trainer trainer, TransformSpec transform) {
  public TrainingSpec {
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(trainer, "trainer");
    if (stratify && splitKey != null) {
      throw new IllegalArgumentException("a stratified split cannot also split by key '" + splitKey + "'; choose one");
    }
  }

  /** 20% eval split by row content, seed 0, XGBoost with default settings, the default transform. */
  public static TrainingSpec defaults(String modelName, String label) {
    return new TrainingSpec(modelName, label, null, 0.2, null, 0, false,
        new XGBoostTrainer(XGBoostParams.defaults()), null);
  }

  public TrainingSpec withTrainer(Trainer newTrainer) {
    return new TrainingSpec(modelName, label, task, evalFraction, splitKey, splitSeed, stratify, newTrainer, transform);
  }

  /** A copy with another transform spec (null: the default transform). */
  public TrainingSpec withTransform(TransformSpec newTransform) {
    return new TrainingSpec(modelName, label, task, evalFraction, splitKey, splitSeed, stratify, trainer, newTransform);
  }
}
