package io.prodline.train.evaluate;

/**
 * The four cells of a binary confusion matrix and what follows from them. A ratio with a zero denominator is 0,
 * as scikit-learn's {@code zero_division="warn"} default returns.
 */
record BinaryCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
  /** tp / (tp + fp). */
  double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** tp / (tp + fn). */
  double recall() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** 2tp / (2tp + fp + fn), the harmonic mean of precision and recall. */
  double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  /** (tp + tn) / n. */
  double accuracy() {
    return ratio(truePositives + trueNegatives, truePositives + falsePositives + falseNegatives + trueNegatives);
  }

  /** Rows [actual negative, actual positive], columns [predicted negative, predicted positive], as sklearn. */
  long[][] matrix() {
    return new long[][] {{trueNegatives, falsePositives}, {falseNegatives, truePositives}};
  }

  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }
}
