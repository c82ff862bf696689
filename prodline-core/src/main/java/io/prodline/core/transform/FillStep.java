package io.prodline.core.transform;

/** Replaces a missing value (NaN) by {@code value}: {@code y = isNaN(x) ? value : x}. */
public record FillStep(double value) implements NumericStep {
  @Override
  public void apply(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        values[i] = value;
      }
    }
  }
}
