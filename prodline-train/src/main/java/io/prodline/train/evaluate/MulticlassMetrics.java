package io.prodline.train.evaluate;

import java.util.List;

/**
 * Metrics of a classifier that outputs one probability per class. The predicted class is the most probable one,
 * the lowest index winning a tie (numpy's {@code argmax}, and
 * {@link io.prodline.core.predict.Predictions#predictedClass(int)}).
 */
final class MulticlassMetrics {
  private MulticlassMetrics() {}

  static SliceMetrics compute(SliceKey key, ScoredRows rows) {
    int k = rows.width();
    float[] p = rows.scores();
    double[] y = rows.targets();
    int n = y.length;
    ConfusionMatrix confusion = new ConfusionMatrix(k);
    double logLoss = 0;
    double brier = 0;
    for (int row = 0; row < n; row++) {
      int actual = (int) y[row];
      int offset = row * k;
      int best = 0;
      for (int c = 0; c < k; c++) {
        if (p[offset + c] > p[offset + best]) {
          best = c;
        }
        double d = p[offset + c] - (c == actual ? 1.0 : 0.0);
        brier += d * d;
      }
      confusion.add(actual, best);
      logLoss -= Math.log(LogLoss.clip(p[offset + actual]));
    }

    MetricValues m = new MetricValues();
    BinaryCounts micro = confusion.micro();
    m.put(Metric.ACCURACY, micro.precision());
    double[] macro = confusion.macro();
    m.put(Metric.PRECISION_MACRO, macro[0]);
    m.put(Metric.RECALL_MACRO, macro[1]);
    m.put(Metric.F1_MACRO, macro[2]);
    m.put(Metric.PRECISION_MICRO, micro.precision());
    m.put(Metric.RECALL_MICRO, micro.recall());
    m.put(Metric.F1_MICRO, micro.f1());
    double[] weighted = confusion.weighted();
    m.put(Metric.PRECISION_WEIGHTED, weighted[0]);
    m.put(Metric.RECALL_WEIGHTED, weighted[1]);
    m.put(Metric.F1_WEIGHTED, weighted[2]);
    putRocAuc(m, rows.classes(), p, y);
    m.put(Metric.LOG_LOSS, logLoss / n);
    m.put(Metric.BRIER_SCORE, brier / n);
    return SliceMetrics.of(key, n, m, confusion.counts(), null, null);
  }

  /**
   * One-vs-rest ROC-AUC of each class against all others, averaged without weights: scikit-learn's
   * {@code roc_auc_score(y, P, multi_class="ovr", average="macro")}. Undefined when some class has no examples
   * in the slice (or is the only one), since its one-vs-rest AUC is.
   */
  private static void putRocAuc(MetricValues m, List<String> classes, float[] p, double[] y) {
    int k = classes.size();
    double sum = 0;
    for (int c = 0; c < k; c++) {
      ScoreRanking ranking = ScoreRanking.of(p, k, c, y, c);
      if (ranking.positives() == 0 || ranking.negatives() == 0) {
        m.undefined(Metric.ROC_AUC, ranking.positives() == 0
            ? "class '" + classes.get(c) + "' has no examples, so its one-vs-rest AUC is undefined"
            : "class '" + classes.get(c) + "' is the only class present, so there is no ranking to judge");
        return;
      }
      sum += ranking.rocAuc();
    }
    m.put(Metric.ROC_AUC, sum / k);
  }
}
