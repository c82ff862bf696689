package io.prodline.train.evaluate;

import io.prodline.core.numbers.SortableFloats;
import java.util.Arrays;

/**
 * Rows ranked by score for one positive class: at every distinct score, taken as a threshold from the highest
 * down, how many positives and negatives score at or above it. ROC-AUC, average precision, the threshold sweep
 * and the binary confusion matrix are all read from these cumulative counts.
 *
 * <p>Built with one primitive sort: each score becomes the order-preserving bits of its float (high 32 bits of a
 * {@code long}) with the row's positive flag in the low bit, so sorting the longs sorts by score and keeps the
 * label, with no boxing. Tied scores form one threshold, which is how scikit-learn's curves treat ties.
 */
final class ScoreRanking {
  /** Distinct scores, highest first. */
  private final float[] thresholds;
  /** {@code truePositives[i]}: positives scoring at or above {@code thresholds[i]}. */
  private final int[] truePositives;
  /** {@code falsePositives[i]}: negatives scoring at or above {@code thresholds[i]}. */
  private final int[] falsePositives;
  private final int positives;
  private final int negatives;

  private ScoreRanking(float[] thresholds, int[] truePositives, int[] falsePositives, int positives, int negatives) {
    this.thresholds = thresholds;
    this.truePositives = truePositives;
    this.falsePositives = falsePositives;
    this.positives = positives;
    this.negatives = negatives;
  }

  /**
   * Ranks rows by column {@code column} of row-major {@code scores} ({@code width} per row); a row is positive
   * when its target equals {@code positiveTarget}.
   */
  static ScoreRanking of(float[] scores, int width, int column, double[] targets, double positiveTarget) {
    int n = targets.length;
    long[] keys = new long[n];
    for (int row = 0; row < n; row++) {
      float score = scores[row * width + column];
      if (Float.isNaN(score)) {
        throw new IllegalArgumentException("score of row " + row + " is NaN");
      }
      keys[row] = ((long) SortableFloats.key(score) << 32) | (targets[row] == positiveTarget ? 1L : 0L);
    }
    Arrays.parallelSort(keys);
    float[] thresholds = new float[n];
    int[] tp = new int[n];
    int[] fp = new int[n];
    int distinct = 0;
    int cumulativeTp = 0;
    int cumulativeFp = 0;
    int i = n - 1;
    while (i >= 0) {
      int bits = (int) (keys[i] >> 32);
      while (i >= 0 && (int) (keys[i] >> 32) == bits) {
        if ((keys[i] & 1L) == 1L) {
          cumulativeTp++;
        } else {
          cumulativeFp++;
        }
        i--;
      }
      thresholds[distinct] = SortableFloats.value(bits);
      tp[distinct] = cumulativeTp;
      fp[distinct] = cumulativeFp;
      distinct++;
    }
    return new ScoreRanking(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tp, distinct),
        Arrays.copyOf(fp, distinct), cumulativeTp, cumulativeFp);
  }

  int positives() {
    return positives;
  }

  int negatives() {
    return negatives;
  }

  /**
   * Area under the ROC curve: the trapezoidal area under (false positive rate, true positive rate) over the
   * distinct thresholds, which equals the Mann-Whitney probability that a random positive outscores a random
   * negative, ties counting one half. Summed exactly in integers (twice the area times P·N fits a long for any
   * array size). NaN when either class is absent.
   */
  double rocAuc() {
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    long twiceArea = 0;
    long previousTp = 0;
    long previousFp = 0;
    for (int i = 0; i < thresholds.length; i++) {
      twiceArea += (falsePositives[i] - previousFp) * (truePositives[i] + previousTp);
      previousTp = truePositives[i];
      previousFp = falsePositives[i];
    }
    return twiceArea / (2.0 * positives * negatives);
  }

  /**
   * Average precision: {@code sum_n (R_n - R_{n-1}) P_n} over the distinct thresholds from the highest down,
   * with {@code R_0 = 0} (no interpolation), as scikit-learn's {@code average_precision_score}. NaN without
   * positives.
   */
  double averagePrecision() {
    if (positives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int previousTp = 0;
    for (int i = 0; i < thresholds.length; i++) {
      int tp = truePositives[i];
      if (tp != previousTp) {
        sum += (double) (tp - previousTp) / positives * tp / (tp + falsePositives[i]);
        previousTp = tp;
      }
    }
    return sum;
  }

  /** Counts when rows scoring at or above {@code threshold} are predicted positive. */
  BinaryCounts countsAtOrAbove(double threshold) {
    int above = aboveCount(threshold);
    int tp = above == 0 ? 0 : truePositives[above - 1];
    int fp = above == 0 ? 0 : falsePositives[above - 1];
    return new BinaryCounts(tp, fp, positives - tp, negatives - fp);
  }

  /** Number of distinct thresholds at or above {@code threshold} (they are sorted descending). */
  private int aboveCount(double threshold) {
    int low = 0;
    int high = thresholds.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (thresholds[mid] >= threshold) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
