package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Fixtures.overall;
import static io.prodline.train.evaluate.Fixtures.regression;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from scikit-learn 1.2.1, predictions as float32: {@code p = np.array(..., np.float32)}. */
class RegressionMetricsTest {
  private static final double TOL = 1e-12;

  @Test
  void matchesScikitLearn() {
    // y = [3, -0.5, 2, 7, 4.25, 10]; p = [2.5, 0.0, 2, 8, 4.0, 7.5]
    SliceMetrics m = overall(regression(new float[] {2.5f, 0f, 2f, 8f, 4f, 7.5f}, 3, -0.5, 2, 7, 4.25, 10));
    // np.sqrt(mean_squared_error(y, p))
    assertThat(m.value(Metric.RMSE)).isCloseTo(1.141088661469096, within(TOL));
    // mean_absolute_error(y, p)
    assertThat(m.value(Metric.MAE)).isCloseTo(0.7916666666666666, within(TOL));
    // r2_score(y, p)
    assertThat(m.value(Metric.R2)).isCloseTo(0.8880764065064916, within(TOL));
    // explained_variance_score(y, p)
    assertThat(m.value(Metric.EXPLAINED_VARIANCE)).isCloseTo(0.8953887479480674, within(TOL));
    assertThat(m.confusionMatrix()).isNull();
  }

  @Test
  void constantTargetsFollowForceFinite() {
    // r2_score([2, 2, 2], [2, 2.5, 1]) == 0.0 and explained_variance_score(...) == 0.0; both 1.0 for a perfect fit
    SliceMetrics off = overall(regression(new float[] {2f, 2.5f, 1f}, 2, 2, 2));
    assertThat(off.value(Metric.R2)).isEqualTo(0.0);
    assertThat(off.value(Metric.EXPLAINED_VARIANCE)).isEqualTo(0.0);
    SliceMetrics perfect = overall(regression(new float[] {2f, 2f, 2f}, 2, 2, 2));
    assertThat(perfect.value(Metric.R2)).isEqualTo(1.0);
    assertThat(perfect.value(Metric.EXPLAINED_VARIANCE)).isEqualTo(1.0);
    assertThat(perfect.value(Metric.RMSE)).isEqualTo(0.0);
  }

  @Test
  void oneExampleHasNoR2() {
    // r2_score([1.0], [2.0]) is nan (warning: not well-defined with less than two samples);
    // explained_variance_score([1.0], [2.0]) == 1.0
    SliceMetrics m = overall(regression(new float[] {2f}, 1));
    assertThat(m.value(Metric.R2)).isNull();
    assertThat(m.undefined().get("r2")).contains("at least two examples");
    assertThat(m.value(Metric.EXPLAINED_VARIANCE)).isEqualTo(1.0);
    assertThat(m.value(Metric.RMSE)).isEqualTo(1.0);
  }
}
