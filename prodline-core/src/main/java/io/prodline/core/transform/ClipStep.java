package io.prodline.core.transform;

/** {@code y = min(max(x, min), max)}; NaN stays NaN. */
public record ClipStep(double min, double max) implements NumericStep {
  public ClipStep {
    if (!(min <= max)) {
      throw new IllegalArgumentException("clip needs min <= max, got min " + min + " and max " + max);
    }
  }

  @Override
  public void apply(double[] values) {
    for (int i = 0; i < values.length; i++) {
      double x = values[i];
      values[i] = x < min ? min : x > max ? max : x;
    }
  }
}
