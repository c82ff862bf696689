package io.prodline.train.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * The reliability diagram of a binary classifier as a table of ten equal-width probability bins. Binning follows
 * scikit-learn's {@code calibration_curve(y, p, n_bins=10, strategy="uniform")}: bin edges {@code k/10}, bins
 * closed on the right, so 0.1 falls in the first bin; unlike sklearn, empty bins are kept (count 0).
 */
final class CalibrationTable {
  static final int BINS = 10;

  private CalibrationTable() {}

  static List<CalibrationBin> of(float[] probability, double[] targets) {
    long[] count = new long[BINS];
    double[] sumPredicted = new double[BINS];
    long[] positives = new long[BINS];
    for (int row = 0; row < targets.length; row++) {
      double p = probability[row];
      int bin = bin(p);
      count[bin]++;
      sumPredicted[bin] += p;
      if (targets[row] == 1.0) {
        positives[bin]++;
      }
    }
    List<CalibrationBin> table = new ArrayList<>(BINS);
    for (int b = 0; b < BINS; b++) {
      table.add(new CalibrationBin(b / (double) BINS, (b + 1) / (double) BINS, count[b],
          count[b] == 0 ? null : sumPredicted[b] / count[b],
          count[b] == 0 ? null : (double) positives[b] / count[b]));
    }
    return table;
  }

  /** The number of inner edges 0.1 .. 0.9 strictly below {@code p}. */
  private static int bin(double p) {
    int bin = 0;
    while (bin < BINS - 1 && (bin + 1) / (double) BINS < p) {
      bin++;
    }
    return bin;
  }
}
