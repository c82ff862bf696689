package io.prodline.train.evaluate;

/**
 * Metrics of a regression model, as scikit-learn defines them. Sums are in double over two passes (means first),
 * which keeps R² and explained variance accurate when the targets have a large offset.
 */
final class RegressionMetrics {
  private RegressionMetrics() {}

  static SliceMetrics compute(SliceKey key, ScoredRows rows) {
    float[] prediction = rows.scores();
    double[] y = rows.targets();
    int n = y.length;
    double meanTarget = 0;
    double meanError = 0;
    for (int row = 0; row < n; row++) {
      if (Float.isNaN(prediction[row])) {
        throw new IllegalArgumentException("prediction of row " + row + " is NaN");
      }
      meanTarget += y[row];
      meanError += y[row] - prediction[row];
    }
    meanTarget /= n;
    meanError /= n;
    double squaredError = 0;
    double absoluteError = 0;
    double totalSquares = 0;
    double errorVariance = 0;
    for (int row = 0; row < n; row++) {
      double error = y[row] - prediction[row];
      squaredError += error * error;
      absoluteError += Math.abs(error);
      double deviation = y[row] - meanTarget;
      totalSquares += deviation * deviation;
      double centredError = error - meanError;
      errorVariance += centredError * centredError;
    }

    MetricValues m = new MetricValues();
    m.put(Metric.RMSE, Math.sqrt(squaredError / n));
    m.put(Metric.MAE, absoluteError / n);
    if (n < 2) {
      m.undefined(Metric.R2, "R² needs at least two examples");
    } else {
      m.put(Metric.R2, oneMinusRatio(squaredError, totalSquares));
    }
    m.put(Metric.EXPLAINED_VARIANCE, oneMinusRatio(errorVariance, totalSquares));
    return SliceMetrics.of(key, n, m, null, null, null);
  }

  /**
   * {@code 1 - numerator / denominator}; with constant targets (denominator 0) it is 1 for a perfect fit and 0
   * otherwise, scikit-learn's {@code force_finite=True}.
   */
  private static double oneMinusRatio(double numerator, double denominator) {
    if (denominator == 0) {
      return numerator == 0 ? 1.0 : 0.0;
    }
    return 1 - numerator / denominator;
  }
}
