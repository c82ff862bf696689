package io.prodline.train.evaluate;

/**
 * A multiclass confusion matrix (rows the actual class, columns the predicted class) and the averaged precision,
 * recall and F1 scikit-learn derives from it. Averages run over the classes that occur in the slice, as actual or
 * predicted class (sklearn's {@code labels=None} behaviour), so a class absent from a slice does not count as a 0.
 */
final class ConfusionMatrix {
  private final long[][] counts;
  private long total;

  ConfusionMatrix(int classes) {
    this.counts = new long[classes][classes];
  }

  void add(int actual, int predicted) {
    counts[actual][predicted]++;
    total++;
  }

  long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /** The one-vs-rest counts of class {@code k}. */
  BinaryCounts of(int k) {
    long tp = counts[k][k];
    long actual = 0;
    long predicted = 0;
    for (int j = 0; j < counts.length; j++) {
      actual += counts[k][j];
      predicted += counts[j][k];
    }
    return new BinaryCounts(tp, predicted - tp, actual - tp, total - actual - predicted + tp);
  }

  /** Unweighted mean over the occurring classes of precision, recall and F1. */
  double[] macro() {
    double[] sum = new double[3];
    int occurring = 0;
    for (int k = 0; k < counts.length; k++) {
      BinaryCounts c = of(k);
      if (c.truePositives() + c.falsePositives() + c.falseNegatives() > 0) {
        occurring++;
        sum[0] += c.precision();
        sum[1] += c.recall();
        sum[2] += c.f1();
      }
    }
    return new double[] {sum[0] / occurring, sum[1] / occurring, sum[2] / occurring};
  }

  /** Mean over classes weighted by each class's number of actual examples (its support). */
  double[] weighted() {
    double[] sum = new double[3];
    long support = 0;
    for (int k = 0; k < counts.length; k++) {
      BinaryCounts c = of(k);
      long s = c.truePositives() + c.falseNegatives();
      support += s;
      sum[0] += s * c.precision();
      sum[1] += s * c.recall();
      sum[2] += s * c.f1();
    }
    return new double[] {sum[0] / support, sum[1] / support, sum[2] / support};
  }

  /** Precision, recall and F1 of the pooled counts; for single-label data all three equal accuracy. */
  BinaryCounts micro() {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int k = 0; k < counts.length; k++) {
      BinaryCounts c = of(k);
      tp += c.truePositives();
      fp += c.falsePositives();
      fn += c.falseNegatives();
    }
    return new BinaryCounts(tp, fp, fn, 0);
  }
}
