package io.prodline.train.evaluate;

/** How numbers appear in slice names: integers without a fraction ({@code 18}, not {@code 18.0}). */
final class NumberText {
  private NumberText() {}

  static String of(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
