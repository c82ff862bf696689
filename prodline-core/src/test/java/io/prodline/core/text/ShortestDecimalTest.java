package io.prodline.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {
  /** Values JDK 17's toString writes longer than needed (JDK-4511638); Java 19+ writes these. */
  @Test
  void writesTheShortestTextWhereJdk17WritesALongerOne() {
    assertThat(ShortestDecimal.of(2e23)).isEqualTo("2.0E23");
    assertThat(ShortestDecimal.of(1e23)).isEqualTo("1.0E23");
    assertThat(ShortestDecimal.of(1.1884683E13f)).isEqualTo("1.1884683E13");
    assertThat(ShortestDecimal.of(-6.853802E8f)).isEqualTo("-6.853802E8");
  }

  @Test
  void keepsJavasNotation() {
    assertThat(ShortestDecimal.of(0.125f)).isEqualTo("0.125");
    assertThat(ShortestDecimal.of(1e-5f)).isEqualTo("1.0E-5");
    assertThat(ShortestDecimal.of(0.001f)).isEqualTo("0.001");
    assertThat(ShortestDecimal.of(9999999f)).isEqualTo("9999999.0");
    assertThat(ShortestDecimal.of(1e7f)).isEqualTo("1.0E7");
    assertThat(ShortestDecimal.of(1f / 3)).isEqualTo("0.33333334");
    assertThat(ShortestDecimal.of(-0.0f)).isEqualTo("-0.0");
    assertThat(ShortestDecimal.of(Float.NaN)).isEqualTo("NaN");
    assertThat(ShortestDecimal.of(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(ShortestDecimal.of(Double.MIN_VALUE)).isEqualTo("4.9E-324");
  }

  @Test
  void everyValueReadsBackExactlyAndIsNeverLongerThanJavasOwnText() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      float f = Float.intBitsToFloat(random.nextInt());
      String text = ShortestDecimal.of(f);
      assertThat(Float.floatToIntBits(Float.parseFloat(text))).as(text).isEqualTo(Float.floatToIntBits(f));
      assertThat(text.length()).as(text).isLessThanOrEqualTo(Float.toString(f).length());

      double d = Double.longBitsToDouble(random.nextLong());
      String doubleText = ShortestDecimal.of(d);
      assertThat(Double.doubleToLongBits(Double.parseDouble(doubleText))).as(doubleText)
          .isEqualTo(Double.doubleToLongBits(d));
      assertThat(doubleText.length()).as(doubleText).isLessThanOrEqualTo(Double.toString(d).length());
    }
  }
}
