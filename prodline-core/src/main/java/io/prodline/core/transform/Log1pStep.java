package io.prodline.core.transform;

/** {@code y = ln(1 + x)} ({@link Math#log1p}); NaN for x &lt; -1, -infinity for x = -1. */
public record Log1pStep() implements NumericStep {
  @Override
  public void apply(double[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.log1p(values[i]);
    }
  }
}
