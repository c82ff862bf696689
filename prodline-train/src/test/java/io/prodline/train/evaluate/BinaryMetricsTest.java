package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Fixtures.binary;
import static io.prodline.train.evaluate.Fixtures.overall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from scikit-learn 1.2.1 (numpy 1.24.2) on the vectors below, with probabilities rounded to
 * float32 as prodline holds them: {@code p = np.array([...], dtype=np.float32).astype(np.float64)}, and
 * {@code yp = (p >= 0.5).astype(int)} for the hard predictions.
 */
class BinaryMetricsTest {
  private static final double TOL = 1e-12;
  // Ties: 0.5 twice (a negative and a positive), 0.2 twice (a negative and a positive).
  private static final double[] Y = {0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1};
  private static final float[] P = {0.1f, 0.4f, 0.35f, 0.8f, 0.5f, 0.5f, 0.9f, 0.2f, 0.2f, 0.65f, 0.05f, 0.99f};

  @Test
  void matchesScikitLearnWithTies() {
    SliceMetrics m = overall(binary(P, Y));
    assertThat(m.count()).isEqualTo(12);
    // accuracy_score(y, yp)
    assertThat(m.value(Metric.ACCURACY)).isCloseTo(0.5833333333333334, within(TOL));
    // precision_score(y, yp), recall_score(y, yp), f1_score(y, yp)
    assertThat(m.value(Metric.PRECISION)).isCloseTo(0.6666666666666666, within(TOL));
    assertThat(m.value(Metric.RECALL)).isCloseTo(0.5714285714285714, within(TOL));
    assertThat(m.value(Metric.F1)).isCloseTo(0.6153846153846153, within(TOL));
    // roc_auc_score(y, p)
    assertThat(m.value(Metric.ROC_AUC)).isCloseTo(0.6285714285714286, within(TOL));
    // average_precision_score(y, p)
    assertThat(m.value(Metric.AVERAGE_PRECISION)).isCloseTo(0.782142857142857, within(TOL));
    // log_loss(y, p, labels=[0, 1])  (eps="auto" = np.finfo(np.float64).eps)
    assertThat(m.value(Metric.LOG_LOSS)).isCloseTo(0.7724160688373907, within(TOL));
    // brier_score_loss(y, p)
    assertThat(m.value(Metric.BRIER_SCORE)).isCloseTo(0.2622999980531634, within(TOL));
    // confusion_matrix(y, yp)
    assertThat(m.confusionMatrix()).isEqualTo(new long[][] {{3, 2}, {3, 4}});
    assertThat(m.undefined()).isEmpty();
  }

  @Test
  void calibrationTableMatchesCalibrationCurve() {
    // calibration_curve(y, p, n_bins=10, strategy="uniform") drops empty bins 5 and 7:
    // prob_true [1.0, 0.0, 0.5, 1.0, 0.3333333333333333, 0.0, 1.0, 1.0]
    // prob_pred [0.05000000074505806, 0.10000000149011612, 0.20000000298023224, 0.3499999940395355,
    //            0.46666666865348816, 0.6499999761581421, 0.8499999940395355, 0.9900000095367432]
    var table = overall(binary(P, Y)).calibration();
    assertThat(table).hasSize(10);
    assertThat(table).extracting(CalibrationBin::count).containsExactly(1L, 1L, 2L, 1L, 3L, 0L, 1L, 0L, 2L, 1L);
    assertThat(table.get(1).meanPredicted()).isCloseTo(0.10000000149011612, within(TOL));
    assertThat(table.get(1).observedFrequency()).isEqualTo(0.0);
    assertThat(table.get(4).meanPredicted()).isCloseTo(0.46666666865348816, within(TOL));
    assertThat(table.get(4).observedFrequency()).isCloseTo(1.0 / 3, within(TOL));
    assertThat(table.get(8).meanPredicted()).isCloseTo(0.8499999940395355, within(TOL));
    assertThat(table.get(5).meanPredicted()).isNull();
    assertThat(table.get(5).observedFrequency()).isNull();
    assertThat(table.get(0).lower()).isEqualTo(0.0);
    assertThat(table.get(9).upper()).isEqualTo(1.0);
  }

  @Test
  void thresholdSweepMatchesScikitLearn() {
    // for t = k / 20: yt = (p >= t); precision_score(y, yt, zero_division=0), recall_score(y, yt), f1_score(...)
    var sweep = overall(binary(P, Y)).thresholdSweep();
    assertThat(sweep).hasSize(19);
    assertThat(sweep.get(0).threshold()).isEqualTo(0.05);
    assertThat(sweep.get(18).threshold()).isEqualTo(0.95);
    assertPoint(sweep.get(0), 0.5833333333333334, 1.0, 0.7368421052631579);
    assertPoint(sweep.get(5), 0.625, 0.7142857142857143, 0.6666666666666666); // t = 0.3
    assertPoint(sweep.get(9), 0.6666666666666666, 0.5714285714285714, 0.6153846153846153); // t = 0.5
    assertPoint(sweep.get(12), 1.0, 0.42857142857142855, 0.6); // t = 0.65: 0.65f is just above 0.65
    assertPoint(sweep.get(18), 1.0, 0.14285714285714285, 0.25);
    assertThat(sweep.get(9).truePositives()).isEqualTo(4);
    assertThat(sweep.get(9).falsePositives()).isEqualTo(2);
    assertThat(sweep.get(9).falseNegatives()).isEqualTo(3);
  }

  private static void assertPoint(ThresholdPoint point, double precision, double recall, double f1) {
    assertThat(point.precision()).isCloseTo(precision, within(TOL));
    assertThat(point.recall()).isCloseTo(recall, within(TOL));
    assertThat(point.f1()).isCloseTo(f1, within(TOL));
  }

  @Test
  void allPredictionsEqual() {
    // y = [0, 1, 1, 0, 1, 0], p = [0.3] * 6: roc_auc_score 0.5, average_precision_score 0.5,
    // log_loss(y, p, labels=[0, 1]) 0.7803238627790688, precision_score(y, yp, zero_division=0) 0.0, f1 0.0
    SliceMetrics m = overall(binary(new float[] {0.3f, 0.3f, 0.3f, 0.3f, 0.3f, 0.3f}, 0, 1, 1, 0, 1, 0));
    assertThat(m.value(Metric.ROC_AUC)).isEqualTo(0.5);
    assertThat(m.value(Metric.AVERAGE_PRECISION)).isEqualTo(0.5);
    assertThat(m.value(Metric.LOG_LOSS)).isCloseTo(0.7803238627790688, within(TOL));
    assertThat(m.value(Metric.PRECISION)).isEqualTo(0.0);
    assertThat(m.value(Metric.F1)).isEqualTo(0.0);
    assertThat(m.value(Metric.ACCURACY)).isEqualTo(0.5);
  }

  @Test
  void logLossClipsCertainWrongAnswersAtFloat64Epsilon() {
    // log_loss([0, 1, 0, 1], [0.0, 1.0, 1.0, 0.0], labels=[0, 1]) == 18.021826694558577, eps 2.220446049250313e-16
    SliceMetrics m = overall(binary(new float[] {0f, 1f, 1f, 0f}, 0, 1, 0, 1));
    assertThat(m.value(Metric.LOG_LOSS)).isCloseTo(18.021826694558577, within(1e-9));
  }

  @Test
  void oneClassOnlyLeavesRocAucUndefinedWithAReason() {
    // y = [1, 1, 1], p = [0.2, 0.7, 0.9]: roc_auc_score raises ("Only one class present in y_true"),
    // log_loss(y, p, labels=[0, 1]) 0.6904911335501168, average_precision_score 1.0, brier 0.2466666690508527
    SliceMetrics m = overall(binary(new float[] {0.2f, 0.7f, 0.9f}, 1, 1, 1));
    assertThat(m.metrics()).containsEntry("roc_auc", null);
    assertThat(m.undefined().get("roc_auc")).contains("only class 1 ('yes')");
    assertThat(m.whyUndefined(Metric.ROC_AUC)).isEqualTo(m.undefined().get("roc_auc"));
    assertThat(m.value(Metric.AVERAGE_PRECISION)).isEqualTo(1.0);
    assertThat(m.value(Metric.LOG_LOSS)).isCloseTo(0.6904911335501168, within(TOL));
    assertThat(m.value(Metric.BRIER_SCORE)).isCloseTo(0.2466666690508527, within(TOL));
    assertThat(m.value(Metric.ACCURACY)).isCloseTo(2.0 / 3, within(TOL));
  }

  @Test
  void noPositivesLeavesAveragePrecisionUndefinedToo() {
    SliceMetrics m = overall(binary(new float[] {0.2f, 0.7f}, 0, 0));
    assertThat(m.value(Metric.ROC_AUC)).isNull();
    assertThat(m.undefined().get("roc_auc")).contains("only class 0 ('no')");
    assertThat(m.value(Metric.AVERAGE_PRECISION)).isNull();
    assertThat(m.undefined()).containsKey("average_precision");
    assertThat(m.value(Metric.RECALL)).isEqualTo(0.0);
  }

  @Test
  void emptyRowsHaveNoMetrics() {
    SliceMetrics m = overall(binary(new float[0]));
    assertThat(m.count()).isZero();
    assertThat(m.metrics()).isEmpty();
    assertThat(m.isEmpty()).isTrue();
    assertThat(m.whyUndefined(Metric.ACCURACY)).isEqualTo("the slice has no examples");
  }

  @Test
  void negativeZeroTiesWithZero() {
    // One positive at 0.0 and one negative at -0.0 tie: AUC 0.5, as sklearn (-0.0 == 0.0 in numpy).
    SliceMetrics m = overall(binary(new float[] {0.0f, -0.0f}, 1, 0));
    assertThat(m.value(Metric.ROC_AUC)).isEqualTo(0.5);
  }
}
