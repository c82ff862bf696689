package io.prodline.core.transform;

/**
 * Min-max scaling fitted on the training data: {@code y = (x - min) / (max - min)}, so training values land in
 * [0, 1]; values outside the training range are not clipped. When {@code max == min} every value maps to 0.5,
 * the middle of the range, as TensorFlow Transform's {@code scale_to_0_1} does.
 */
public record ScaleStep(double min, double max) implements NumericStep {
  @Override
  public void apply(double[] values) {
    double range = max - min;
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      values[i] = Double.isNaN(x) ? x : range == 0 ? 0.5 : (x - min) / range;
    }
  }
}
