package io.prodline.train.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation metrics on a held-out split, with scikit-learn's definitions: accuracy and F1 at a 0.5 threshold
 * (binary) or argmax (multiclass), ROC-AUC by the Mann-Whitney rank statistic with tied scores sharing their
 * average rank, log loss with probabilities clipped to [1e-15, 1 - 1e-15], R² as 1 - SS_res / SS_tot.
 */
public final class Metrics {
  private static final double EPS = 1e-15;

  private Metrics() {}

  /**
   * Binary classification.
   *
   * @param probability probability of class 1 per row
   * @param label 0 or 1 per row
   */
  public static Map<String, Double> binary(float[] probability, float[] label) {
    int n = label.length;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long correct = 0;
    double logLoss = 0;
    for (int i = 0; i < n; i++) {
      boolean actual = label[i] > 0.5f;
      boolean predicted = probability[i] >= 0.5f;
      if (actual == predicted) {
        correct++;
      }
      if (predicted && actual) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      }
      double p = Math.min(Math.max(probability[i], EPS), 1 - EPS);
      logLoss -= actual ? Math.log(p) : Math.log(1 - p);
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", (double) correct / n);
    m.put("precision", precision);
    m.put("recall", recall);
    m.put("f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    m.put("roc_auc", rocAuc(probability, label));
    m.put("log_loss", logLoss / n);
    return m;
  }

  /**
   * Multiclass classification.
   *
   * @param probabilities row-major, {@code classes} probabilities per row
   * @param label class index per row
   */
  public static Map<String, Double> multiclass(float[] probabilities, int classes, float[] label) {
    int n = label.length;
    long correct = 0;
    double logLoss = 0;
    long[] tp = new long[classes];
    long[] predictedCount = new long[classes];
    long[] actualCount = new long[classes];
    for (int i = 0; i < n; i++) {
      int best = 0;
      for (int k = 1; k < classes; k++) {
        if (probabilities[i * classes + k] > probabilities[i * classes + best]) {
          best = k;
        }
      }
      int actual = (int) label[i];
      predictedCount[best]++;
      actualCount[actual]++;
      if (best == actual) {
        correct++;
        tp[actual]++;
      }
      double p = Math.min(Math.max(probabilities[i * classes + actual], EPS), 1 - EPS);
      logLoss -= Math.log(p);
    }
    double macroF1 = 0;
    for (int k = 0; k < classes; k++) {
      double precision = predictedCount[k] == 0 ? 0 : (double) tp[k] / predictedCount[k];
      double recall = actualCount[k] == 0 ? 0 : (double) tp[k] / actualCount[k];
      macroF1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", (double) correct / n);
    m.put("macro_f1", macroF1 / classes);
    m.put("log_loss", logLoss / n);
    return m;
  }

  /** Regression. */
  public static Map<String, Double> regression(float[] prediction, float[] label) {
    int n = label.length;
    double mean = 0;
    for (float y : label) {
      mean += y;
    }
    mean /= n;
    double ssRes = 0;
    double ssTot = 0;
    double absErr = 0;
    for (int i = 0; i < n; i++) {
      double err = (double) label[i] - prediction[i];
      ssRes += err * err;
      absErr += Math.abs(err);
      double dev = label[i] - mean;
      ssTot += dev * dev;
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("rmse", Math.sqrt(ssRes / n));
    m.put("mae", absErr / n);
    m.put("r2", ssTot == 0 ? (ssRes == 0 ? 1.0 : 0.0) : 1 - ssRes / ssTot);
    return m;
  }

  /** Area under the ROC curve; NaN when only one class is present (as undefined in scikit-learn). */
  public static double rocAuc(float[] score, float[] label) {
    int n = label.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(score[a], score[b]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1; // ranks are 1-based
      for (int k = i; k <= j; k++) {
        if (label[order[k]] > 0.5f) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
