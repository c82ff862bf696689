package io.prodline.train.evaluate;

/** How a difference between two metric values is measured. */
public enum ChangeKind {
  /** In the metric's units: {@code 0.01} AUC is 0.01 AUC. */
  ABSOLUTE,
  /** As a fraction of the reference value's magnitude: {@code 0.02} is 2 % of it. */
  RELATIVE;

  /**
   * {@code worsening} expressed in this kind relative to {@code reference}. A relative worsening from a reference
   * of 0 is infinite (any worsening fails, any improvement passes).
   */
  double measure(double worsening, double reference) {
    if (this == ABSOLUTE || worsening == 0) {
      return worsening;
    }
    return reference == 0 ? Math.copySign(Double.POSITIVE_INFINITY, worsening) : worsening / Math.abs(reference);
  }

  /** {@code 0.0123} or {@code 1.23%}, for sentences. */
  String format(double amount) {
    return this == ABSOLUTE ? Sentences.number(amount) : Sentences.number(amount * 100) + "%";
  }
}
