package io.prodline.train.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * Metrics of a binary classifier whose output is the probability of class 1. Hard predictions (accuracy,
 * precision, recall, F1, confusion matrix) call a row positive when its probability is at least 0.5, as
 * {@link io.prodline.core.predict.Predictions#predictedClass(int)} does.
 */
final class BinaryMetrics {
  static final double DECISION_THRESHOLD = 0.5;
  /** The threshold sweep's step: thresholds 0.05, 0.10 .. 0.95. */
  static final int SWEEP_STEPS = 20;

  private BinaryMetrics() {}

  static SliceMetrics compute(SliceKey key, ScoredRows rows) {
    float[] p = rows.scores();
    double[] y = rows.targets();
    ScoreRanking ranking = ScoreRanking.of(p, 1, 0, y, 1.0);
    BinaryCounts counts = ranking.countsAtOrAbove(DECISION_THRESHOLD);

    MetricValues m = new MetricValues();
    m.put(Metric.ACCURACY, counts.accuracy());
    m.put(Metric.PRECISION, counts.precision());
    m.put(Metric.RECALL, counts.recall());
    m.put(Metric.F1, counts.f1());
    String oneClass = "only class " + (ranking.positives() == 0 ? 0 : 1) + " ('"
        + rows.classes().get(ranking.positives() == 0 ? 0 : 1) + "') is present, so there is no ranking to judge";
    m.putOrUndefined(Metric.ROC_AUC, ranking.rocAuc(), oneClass);
    m.putOrUndefined(Metric.AVERAGE_PRECISION, ranking.averagePrecision(),
        "there are no positive examples ('" + rows.classes().get(1) + "'), so precision at any recall is undefined");
    m.put(Metric.LOG_LOSS, logLoss(p, y));
    m.put(Metric.BRIER_SCORE, brierScore(p, y));

    return SliceMetrics.of(key, y.length, m, counts.matrix(), CalibrationTable.of(p, y), sweep(ranking));
  }

  /** Mean of {@code -log(p)} for positives and {@code -log(1 - p)} for negatives, p clipped as {@link LogLoss}. */
  private static double logLoss(float[] p, double[] y) {
    double sum = 0;
    for (int row = 0; row < y.length; row++) {
      double clipped = LogLoss.clip(p[row]);
      sum -= y[row] == 1.0 ? Math.log(clipped) : Math.log(1 - clipped);
    }
    return sum / y.length;
  }

  /** Mean of {@code (p - y)^2}. */
  private static double brierScore(float[] p, double[] y) {
    double sum = 0;
    for (int row = 0; row < y.length; row++) {
      double d = p[row] - y[row];
      sum += d * d;
    }
    return sum / y.length;
  }

  private static List<ThresholdPoint> sweep(ScoreRanking ranking) {
    List<ThresholdPoint> points = new ArrayList<>(SWEEP_STEPS - 1);
    for (int k = 1; k < SWEEP_STEPS; k++) {
      double threshold = k / (double) SWEEP_STEPS;
      points.add(ThresholdPoint.of(threshold, ranking.countsAtOrAbove(threshold)));
    }
    return points;
  }
}
