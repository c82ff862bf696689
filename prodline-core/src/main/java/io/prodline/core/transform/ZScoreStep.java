package io.prodline.core.transform;

/**
 * Standardisation fitted on the training data: {@code y = (x - mean) / std} with the population standard
 * deviation; when {@code std == 0} every value maps to 0.
 */
public record ZScoreStep(double mean, double std) implements NumericStep {
  @Override
  public void apply(double[] values) {
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      values[i] = Double.isNaN(x) ? x : std == 0 ? 0 : (x - mean) / std;
    }
  }
}
