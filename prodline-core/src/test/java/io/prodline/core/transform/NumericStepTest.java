package io.prodline.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each step's values on small inputs, computed by hand. */
class NumericStepTest {
  private static double[] run(NumericStep step, double... values) {
    double[] copy = values.clone();
    step.apply(copy);
    return copy;
  }

  @Test
  void fillReplacesOnlyNaN() {
    assertThat(run(new FillStep(2.5), 1, Double.NaN, -3)).containsExactly(1, 2.5, -3);
  }

  @Test
  void log1p() {
    assertThat(run(new Log1pStep(), 0, Math.E - 1, -1, -2, Double.NaN))
        .containsExactly(0, 1, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
  }

  @Test
  void clipKeepsNaN() {
    assertThat(run(new ClipStep(0, 10), -5, 5, 15, Double.NaN)).containsExactly(0, 5, 10, Double.NaN);
    assertThatThrownBy(() -> new ClipStep(2, 1)).hasMessageContaining("min <= max");
  }

  @Test
  void scaleToZeroOneAndHalfForAConstant() {
    // min 2, max 6: (x - 2) / 4
    assertThat(run(new ScaleStep(2, 6), 2, 3, 6, 10, Double.NaN)).containsExactly(0, 0.25, 1, 2, Double.NaN);
    assertThat(run(new ScaleStep(3, 3), 3, 7)).containsExactly(0.5, 0.5);
  }

  @Test
  void zscoreAndZeroForZeroStd() {
    // mean 5, std 2: (x - 5) / 2
    assertThat(run(new ZScoreStep(5, 2), 5, 9, 4, Double.NaN)).containsExactly(0, 2, -0.5, Double.NaN);
    assertThat(run(new ZScoreStep(5, 0), 5, 100)).containsExactly(0, 0);
  }

  @Test
  void bucketizeCountsBoundariesAtOrBelow() {
    // TensorFlow's Bucketize example: boundaries [0, 10, 100]; -5 -> 0, 10000 -> 3, 150 -> 3, 10 -> 2, 5 -> 1, 100 -> 3
    BucketizeStep step = new BucketizeStep(new double[] {0, 10, 100});
    assertThat(run(step, -5, 10000, 150, 10, 5, 100, -0.0, Double.NaN))
        .containsExactly(0, 3, 3, 2, 1, 3, 1, Double.NaN);
    assertThatThrownBy(() -> new BucketizeStep(new double[] {1, 1})).hasMessageContaining("increase strictly");
  }

  @Test
  void stepsRunInOrder() {
    double[] values = {Double.NaN, 3};
    NumericStep.applyAll(List.of(new FillStep(1), new ZScoreStep(2, 1)), values);
    assertThat(values).containsExactly(-1, 1);
  }
}
