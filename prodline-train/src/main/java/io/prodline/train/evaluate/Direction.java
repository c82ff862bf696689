package io.prodline.train.evaluate;

/** Which way a metric improves; decides what "worse than the baseline" and "worse than overall" mean. */
public enum Direction {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER;

  /**
   * How much worse {@code value} is than {@code reference}: positive when worse, negative when better, in the
   * metric's own units.
   */
  public double worsening(double value, double reference) {
    return this == HIGHER_IS_BETTER ? reference - value : value - reference;
  }
}
