package io.prodline.train.evaluate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Every metric the evaluator reports, with its stable JSON key and the direction in which it improves.
 * Definitions and scikit-learn equivalents are in {@code docs/evaluation.md}.
 */
public enum Metric {
  ACCURACY("accuracy", Direction.HIGHER_IS_BETTER),
  PRECISION("precision", Direction.HIGHER_IS_BETTER),
  RECALL("recall", Direction.HIGHER_IS_BETTER),
  F1("f1", Direction.HIGHER_IS_BETTER),
  PRECISION_MACRO("precision_macro", Direction.HIGHER_IS_BETTER),
  RECALL_MACRO("recall_macro", Direction.HIGHER_IS_BETTER),
  F1_MACRO("f1_macro", Direction.HIGHER_IS_BETTER),
  PRECISION_MICRO("precision_micro", Direction.HIGHER_IS_BETTER),
  RECALL_MICRO("recall_micro", Direction.HIGHER_IS_BETTER),
  F1_MICRO("f1_micro", Direction.HIGHER_IS_BETTER),
  PRECISION_WEIGHTED("precision_weighted", Direction.HIGHER_IS_BETTER),
  RECALL_WEIGHTED("recall_weighted", Direction.HIGHER_IS_BETTER),
  F1_WEIGHTED("f1_weighted", Direction.HIGHER_IS_BETTER),
  ROC_AUC("roc_auc", Direction.HIGHER_IS_BETTER),
  AVERAGE_PRECISION("average_precision", Direction.HIGHER_IS_BETTER),
  LOG_LOSS("log_loss", Direction.LOWER_IS_BETTER),
  BRIER_SCORE("brier_score", Direction.LOWER_IS_BETTER),
  RMSE("rmse", Direction.LOWER_IS_BETTER),
  MAE("mae", Direction.LOWER_IS_BETTER),
  R2("r2", Direction.HIGHER_IS_BETTER),
  EXPLAINED_VARIANCE("explained_variance", Direction.HIGHER_IS_BETTER);

  private final String key;
  private final Direction direction;

  Metric(String key, Direction direction) {
    this.key = key;
    this.direction = direction;
  }

  /** The name used in JSON, thresholds and the bundle manifest. */
  @JsonValue
  public String key() {
    return key;
  }

  public Direction direction() {
    return direction;
  }

  @JsonCreator
  public static Metric fromKey(String key) {
    for (Metric m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + key + "'");
  }
}
