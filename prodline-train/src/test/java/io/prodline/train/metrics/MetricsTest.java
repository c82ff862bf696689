package io.prodline.train.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest's flat metric map; the metric definitions themselves are tested in the evaluate package. */
class MetricsTest {
  @Test
  void binaryMapHasTheEvaluatorsKeys() {
    // sklearn.metrics.roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
    Map<String, Double> m = Metrics.binary(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1});
    assertThat(m).containsKeys("accuracy", "precision", "recall", "f1", "roc_auc", "average_precision", "log_loss",
        "brier_score");
    assertThat(m.get("roc_auc")).isEqualTo(0.75);
  }

  @Test
  void undefinedMetricsAreLeftOut() {
    Map<String, Double> m = Metrics.binary(new float[] {0.2f, 0.7f}, new float[] {1, 1});
    assertThat(m).doesNotContainKey("roc_auc").containsKey("accuracy");
  }

  @Test
  void multiclassAndRegressionMaps() {
    float[] p = {
        0.7f, 0.2f, 0.1f,
        0.1f, 0.8f, 0.1f,
        0.2f, 0.2f, 0.6f,
        0.1f, 0.5f, 0.4f};
    assertThat(Metrics.multiclass(p, 3, new float[] {0, 1, 2, 2})).containsEntry("accuracy", 0.75)
        .containsKeys("f1_macro", "roc_auc", "log_loss");
    // sklearn.metrics.r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) == 0.9486081370449679
    Map<String, Double> r = Metrics.regression(new float[] {2.5f, 0f, 2f, 8f}, new float[] {3f, -0.5f, 2f, 7f});
    assertThat(r.get("r2")).isCloseTo(0.9486081370449679, within(1e-12));
  }
}
