package io.prodline.core.runtime.xgboost;

import io.prodline.core.runtime.ModelRuntime;
import java.util.List;
import java.util.Objects;

/**
 * A loaded XGBoost model: start every row from the base margins, let the booster add to them, then apply the
 * objective's output transform. Immutable; {@link #predict} allocates only its result and a little scratch (the
 * tree evaluator's lane state; the margins for {@code multi:softmax}, whose output is narrower), so it is safe and
 * cheap to call from many threads.
 */
public final class XGBoostRuntime implements ModelRuntime {
  private final int inputWidth;
  private final int groups;
  private final float[] baseMargins;
  private final Booster booster;
  private final Objective objective;
  private final int outputWidth;
  private final String objectiveName;
  private final List<String> featureNames;

  XGBoostRuntime(int inputWidth, float[] baseMargins, Booster booster, Objective objective, String objectiveName,
      List<String> featureNames) {
    this.inputWidth = inputWidth;
    this.objectiveName = Objects.requireNonNull(objectiveName, "objectiveName");
    this.featureNames = List.copyOf(featureNames);
    this.groups = baseMargins.length;
    this.baseMargins = baseMargins.clone();
    this.booster = booster;
    this.objective = objective;
    this.outputWidth = objective.outputWidth(groups);
  }

  @Override
  public int inputWidth() {
    return inputWidth;
  }

  @Override
  public int outputWidth() {
    return outputWidth;
  }

  /** Output groups the booster produces before the objective transform (classes for multiclass, else 1). */
  public int groups() {
    return groups;
  }

  /** The XGBoost objective the model was trained with, e.g. {@code binary:logistic}. */
  public String objectiveName() {
    return objectiveName;
  }

  /** The feature names XGBoost saved with the model (when the training data had them), else an empty list. */
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public float[] predict(float[] features, int rows) {
    Objects.requireNonNull(features, "features");
    if (rows < 0 || (long) rows * inputWidth != features.length) {
      throw new IllegalArgumentException("expected " + rows + " rows of " + inputWidth + " features ("
          + (long) rows * inputWidth + " values), got " + features.length + " values");
    }
    float[] out = new float[rows * outputWidth];
    // Margins for all rows first (the booster evaluates them together), then each row's output transform.
    float[] margins = outputWidth == groups ? out : new float[rows * groups];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(baseMargins, 0, margins, r * groups, groups);
    }
    booster.addMargins(features, rows, margins);
    for (int r = 0; r < rows; r++) {
      objective.transform(margins, r * groups, groups, out, r * outputWidth);
    }
    return out;
  }
}
