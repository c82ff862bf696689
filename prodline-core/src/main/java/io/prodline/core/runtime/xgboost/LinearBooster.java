package io.prodline.core.runtime.xgboost;

/**
 * XGBoost's gblinear model: per output group, a bias plus one weight per feature. Weights are kept in XGBoost's
 * layout ({@code weights[feature * groups + group]}, biases in the last {@code groups} entries) and summed in
 * float in feature order, skipping missing values, exactly as {@code GBLinear::Pred}.
 */
final class LinearBooster implements Booster {
  private final int features;
  private final int groups;
  private final float[] weights;

  LinearBooster(int features, int groups, float[] weights) {
    if (weights.length != (features + 1) * groups) {
      throw new IllegalArgumentException("weights length " + weights.length);
    }
    this.features = features;
    this.groups = groups;
    this.weights = weights;
  }

  @Override
  public void addMargins(float[] x, int rows, float[] margins) {
    int biasOffset = features * groups;
    for (int r = 0; r < rows; r++) {
      int row = r * features;
      int m = r * groups;
      for (int g = 0; g < groups; g++) {
        float sum = weights[biasOffset + g] + margins[m + g];
        for (int f = 0; f < features; f++) {
          float v = x[row + f];
          if (v == v) { // NaN is missing: XGBoost's sparse row has no entry for it
            sum += v * weights[f * groups + g];
          }
        }
        margins[m + g] = sum;
      }
    }
  }
}
