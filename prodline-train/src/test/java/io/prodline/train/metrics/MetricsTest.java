package io.prodline.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference values are scikit-learn's, from its documentation examples or computed by hand as noted. */
class MetricsTest {
  @Test
  void rocAucMatchesScikitLearnDocExample() {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    assertThat(Metrics.rocAuc(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1})).isEqualTo(0.75);
  }

  @Test
  void rocAucGivesTiedScoresTheirAverageRank() {
    assertThat(Metrics.rocAuc(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, new float[] {0, 1, 0, 1})).isEqualTo(0.5);
    // One positive tied with one negative, the other positive above both: (1 + 0.5) / 2.
    assertThat(Metrics.rocAuc(new float[] {0.2f, 0.2f, 0.9f}, new float[] {0, 1, 1})).isEqualTo(0.75);
  }

  @Test
  void rocAucIsUndefinedWithOneClass() {
    assertThat(Metrics.rocAuc(new float[] {0.2f, 0.7f}, new float[] {1, 1})).isNaN();
  }

  @Test
  void binaryLogLossMatchesScikitLearnDocExample() {
    // sklearn.metrics.log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
    // == 0.21616187468057912; classes sort as ham=0, spam=1.
    Map<String, Double> m = Metrics.binary(new float[] {0.9f, 0.1f, 0.2f, 0.65f}, new float[] {1, 0, 0, 1});
    assertThat(m.get("log_loss")).isCloseTo(0.21616187468057912, within(1e-7));
    assertThat(m.get("accuracy")).isEqualTo(1.0);
  }

  @Test
  void binaryPrecisionRecallF1AtHalf() {
    // predictions at 0.5: [1, 1, 0, 0, 1]; labels [1, 0, 1, 0, 1] -> tp=2 fp=1 fn=1
    Map<String, Double> m = Metrics.binary(new float[] {0.9f, 0.6f, 0.4f, 0.1f, 0.5f}, new float[] {1, 0, 1, 0, 1});
    assertThat(m.get("precision")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.get("recall")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.get("f1")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(m.get("accuracy")).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void regressionMatchesScikitLearnDocExample() {
    // r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) == 0.9486081370449679, MAE 0.5, MSE 0.375
    Map<String, Double> m = Metrics.regression(new float[] {2.5f, 0f, 2f, 8f}, new float[] {3f, -0.5f, 2f, 7f});
    assertThat(m.get("r2")).isCloseTo(0.9486081370449679, within(1e-12));
    assertThat(m.get("mae")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("rmse")).isCloseTo(Math.sqrt(0.375), within(1e-12));
  }

  @Test
  void multiclassAccuracyMacroF1AndLogLoss() {
    // rows: argmax 0, 1, 2, 1 ; labels 0, 1, 2, 2
    float[] p = {
        0.7f, 0.2f, 0.1f,
        0.1f, 0.8f, 0.1f,
        0.2f, 0.2f, 0.6f,
        0.1f, 0.5f, 0.4f};
    Map<String, Double> m = Metrics.multiclass(p, 3, new float[] {0, 1, 2, 2});
    assertThat(m.get("accuracy")).isEqualTo(0.75);
    // class 0: f1 1; class 1: p=1/2 r=1 f1=2/3; class 2: p=1 r=1/2 f1=2/3
    assertThat(m.get("macro_f1")).isCloseTo((1 + 2.0 / 3 + 2.0 / 3) / 3, within(1e-12));
    double expectedLogLoss = -(Math.log(0.7f) + Math.log(0.8f) + Math.log(0.6f) + Math.log(0.4f)) / 4;
    assertThat(m.get("log_loss")).isCloseTo(expectedLogLoss, within(1e-12));
  }
}
