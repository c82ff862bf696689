package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Fixtures.multiclass;
import static io.prodline.train.evaluate.Fixtures.overall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scikit-learn 1.2.1 with {@code P = np.array([...], dtype=np.float32).astype(np.float64)}
 * and {@code yp = P.argmax(axis=1)}.
 */
class MulticlassMetricsTest {
  private static final double TOL = 1e-12;
  private static final double[] Y = {0, 1, 2, 2, 1, 0, 2, 1};
  // Row 4 ties classes 0 and 1: argmax takes 0. Predictions: [0, 1, 2, 1, 0, 2, 2, 0].
  private static final float[] P = {
      0.7f, 0.2f, 0.1f,
      0.1f, 0.8f, 0.1f,
      0.2f, 0.2f, 0.6f,
      0.1f, 0.5f, 0.4f,
      0.4f, 0.4f, 0.2f,
      0.3f, 0.3f, 0.4f,
      0.25f, 0.25f, 0.5f,
      0.6f, 0.3f, 0.1f};

  @Test
  void matchesScikitLearn() {
    SliceMetrics m = overall(multiclass(P, Y));
    // accuracy_score(y, yp)
    assertThat(m.value(Metric.ACCURACY)).isCloseTo(0.5, within(TOL));
    // precision_score / recall_score / f1_score(y, yp, average=..., zero_division=0)
    assertThat(m.value(Metric.PRECISION_MACRO)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.RECALL_MACRO)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.F1_MACRO)).isCloseTo(0.48888888888888893, within(TOL));
    assertThat(m.value(Metric.PRECISION_MICRO)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.RECALL_MICRO)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.F1_MICRO)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.PRECISION_WEIGHTED)).isCloseTo(0.5208333333333333, within(TOL));
    assertThat(m.value(Metric.RECALL_WEIGHTED)).isCloseTo(0.5, within(TOL));
    assertThat(m.value(Metric.F1_WEIGHTED)).isCloseTo(0.5, within(TOL));
    // roc_auc_score(y, P, multi_class="ovr", average="macro")
    assertThat(m.value(Metric.ROC_AUC)).isCloseTo(0.8777777777777778, within(TOL));
    // log_loss(y, P, labels=[0, 1, 2]); sklearn renormalises rows, which sum to 1 within float32 rounding here
    assertThat(m.value(Metric.LOG_LOSS)).isCloseTo(0.753039793969507, within(1e-7));
    // np.mean(np.sum((P - np.eye(3)[y]) ** 2, axis=1))  (sklearn 1.2 has no multiclass brier_score_loss)
    assertThat(m.value(Metric.BRIER_SCORE)).isCloseTo(0.44937499839812545, within(TOL));
    // confusion_matrix(y, yp, labels=[0, 1, 2])
    assertThat(m.confusionMatrix()).isEqualTo(new long[][] {{1, 0, 1}, {2, 1, 0}, {0, 1, 2}});
    assertThat(m.calibration()).isNull();
    assertThat(m.thresholdSweep()).isNull();
  }

  @Test
  void averagesSkipAClassThatNeitherOccursNorIsPredicted() {
    // y = [0, 1, 1, 0, 1], yp = [0, 1, 0, 1, 1]; class 2 absent from both:
    // precision/recall/f1_score(y, yp, average="macro") all 0.5833333333333333, average="weighted" all 0.6
    float[] p = {
        0.6f, 0.3f, 0.1f,
        0.2f, 0.7f, 0.1f,
        0.5f, 0.4f, 0.1f,
        0.4f, 0.5f, 0.1f,
        0.1f, 0.8f, 0.1f};
    SliceMetrics m = overall(multiclass(p, 0, 1, 1, 0, 1));
    assertThat(m.value(Metric.PRECISION_MACRO)).isCloseTo(0.5833333333333333, within(TOL));
    assertThat(m.value(Metric.RECALL_MACRO)).isCloseTo(0.5833333333333333, within(TOL));
    assertThat(m.value(Metric.F1_MACRO)).isCloseTo(0.5833333333333333, within(TOL));
    assertThat(m.value(Metric.F1_WEIGHTED)).isCloseTo(0.6, within(TOL));
    // A class without examples has no one-vs-rest AUC, so the macro average is undefined.
    assertThat(m.value(Metric.ROC_AUC)).isNull();
    assertThat(m.undefined().get("roc_auc")).contains("class 'c' has no examples");
  }
}
