package io.prodline.train.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  /** 300 rows of class 0, 100 of class 1, 7 of class 2, interleaved. */
  private static float[] targets() {
    float[] y = new float[407];
    for (int i = 0; i < y.length; i++) {
      y[i] = i < 7 ? 2 : (i % 4 == 0 ? 1 : 0);
    }
    return y;
  }

  private static long count(float[] y, int[] rows, int cls) {
    return Arrays.stream(rows).filter(r -> y[r] == cls).count();
  }

  @Test
  void everyClassKeepsItsShareOnBothSides() {
    float[] y = targets();
    HashSplit.Result r = new StratifiedSplit(0.2, 7).split(y);
    long zeros = count(y, r.evalRows(), 0);
    long ones = count(y, r.evalRows(), 1);
    long twos = count(y, r.evalRows(), 2);
    long n0 = 0;
    long n1 = 0;
    for (float v : y) {
      n0 += v == 0 ? 1 : 0;
      n1 += v == 1 ? 1 : 0;
    }
    assertThat(zeros).isEqualTo(Math.round(0.2 * n0));
    assertThat(ones).isEqualTo(Math.round(0.2 * n1));
    assertThat(twos).isEqualTo(1); // round(1.4)
    assertThat(r.trainRows().length + r.evalRows().length).isEqualTo(y.length);
    assertThat(r.evalRows()).isSorted().doesNotContain(r.trainRows());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherRows() {
    float[] y = targets();
    assertThat(new StratifiedSplit(0.2, 7).split(y).evalRows()).isEqualTo(new StratifiedSplit(0.2, 7).split(y).evalRows());
    assertThat(new StratifiedSplit(0.2, 8).split(y).evalRows()).isNotEqualTo(new StratifiedSplit(0.2, 7).split(y).evalRows());
  }

  @Test
  void fractionOutsideZeroOneIsRefused() {
    assertThatThrownBy(() -> new StratifiedSplit(1.0, 0)).hasMessageContaining("between 0 and 1");
  }
}
