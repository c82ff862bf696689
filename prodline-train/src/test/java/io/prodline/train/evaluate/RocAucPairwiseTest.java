package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Fixtures.binary;
import static io.prodline.train.evaluate.Fixtures.overall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sort-based ROC-AUC against its definition: P(positive outscores negative) + P(tie) / 2, over all pairs. */
class RocAucPairwiseTest {
  @Test
  void sortBasedAucEqualsPairwiseDefinition() {
    Random random = new Random(20240611L);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(400);
      // Few distinct scores in half the trials, so ties are common; negative scores too (margins, not only p).
      int levels = trial % 2 == 0 ? 1 + random.nextInt(8) : 1_000_000;
      float[] score = new float[n];
      double[] label = new double[n];
      for (int i = 0; i < n; i++) {
        score[i] = (random.nextInt(levels) - levels / 3) / (float) levels;
        label[i] = random.nextDouble() < 0.3 + 0.4 * (score[i] + 0.5) ? 1 : 0;
      }
      label[0] = 0;
      label[1] = 1;
      assertThat(overall(binary(score, label)).value(Metric.ROC_AUC))
          .as("trial %d, n %d", trial, n)
          .isCloseTo(pairwiseAuc(score, label), within(1e-12));
    }
  }

  private static double pairwiseAuc(float[] score, double[] label) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < score.length; i++) {
      for (int j = 0; j < score.length; j++) {
        if (label[i] == 1 && label[j] == 0) {
          pairs++;
          if (score[i] > score[j]) {
            wins += 1;
          } else if (score[i] == score[j]) {
            wins += 0.5;
          }
        }
      }
    }
    return wins / pairs;
  }
}
