package io.prodline.core.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {
  @Test
  void decodesHalfPrecisionExactly() {
    assertThat(HalfFloats.halfToFloat((short) 0x3c00)).isEqualTo(1f);
    assertThat(HalfFloats.halfToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(HalfFloats.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
    assertThat(HalfFloats.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    assertThat(HalfFloats.halfToFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(HalfFloats.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(HalfFloats.halfToFloat((short) 0x7e00)).isNaN();
  }

  @Test
  void decodesBfloat16AsTheUpperHalfOfAFloat() {
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x3f80)).isEqualTo(1f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0xc000)).isEqualTo(-2f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x3e80)).isEqualTo(0.25f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x7f7f)).isEqualTo(0x1.fep127f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x0001)).isEqualTo(0x1p-133f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x8000)).isEqualTo(-0f);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0xff80)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(HalfFloats.bfloat16ToFloat((short) 0x7fc0)).isNaN();
  }

  @Test
  void everyHalfComesBackAsItsBitsAndFloatsRoundToTheNearestHalfTiesToEven() {
    for (int bits = 0; bits < 1 << 16; bits++) {
      float value = HalfFloats.halfToFloat((short) bits);
      if (!Float.isNaN(value)) {
        assertThat(HalfFloats.floatToHalf(value) & 0xFFFF).as("half 0x%04X", bits).isEqualTo(bits);
      }
    }
    assertThat(HalfFloats.floatToHalf(1 + 0x1p-11f)).as("a tie goes to the even 1.0").isEqualTo((short) 0x3C00);
    assertThat(HalfFloats.floatToHalf(1 + 3 * 0x1p-11f)).as("a tie goes to the even above").isEqualTo((short) 0x3C02);
    assertThat(HalfFloats.floatToHalf(1 + 0x1p-11f + 0x1p-20f)).as("above the tie").isEqualTo((short) 0x3C01);
    assertThat(HalfFloats.floatToHalf(0.1f)).isEqualTo((short) 0x2E66);
    assertThat(HalfFloats.floatToHalf(65519f)).isEqualTo((short) 0x7BFF);
    assertThat(HalfFloats.floatToHalf(65520f)).as("the tie above the largest half").isEqualTo((short) 0x7C00);
    assertThat(HalfFloats.floatToHalf(0x1p-25f)).as("half the smallest subnormal: the even zero").isZero();
    assertThat(HalfFloats.floatToHalf(0x1.8p-25f)).isEqualTo((short) 1);
    assertThat(HalfFloats.floatToHalf(-0x1p-14f)).as("the smallest normal").isEqualTo((short) 0x8400);
    assertThat(HalfFloats.floatToHalf(0x1.ffep-15f)).as("above the largest subnormal, rounding up to a normal")
        .isEqualTo((short) 0x0400);
  }

  @Test
  void floatsRoundToTheNearestBfloat16TiesToEven() {
    assertThat(HalfFloats.floatToBfloat16(1f)).isEqualTo((short) 0x3F80);
    assertThat(HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F808000))).as("tie").isEqualTo((short) 0x3F80);
    assertThat(HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F818000))).as("tie").isEqualTo((short) 0x3F82);
    assertThat(HalfFloats.floatToBfloat16(Float.intBitsToFloat(0x3F808001))).isEqualTo((short) 0x3F81);
    assertThat(HalfFloats.bfloat16ToFloat(HalfFloats.floatToBfloat16(Float.NaN))).isNaN();
    for (int bits = 0; bits < 1 << 16; bits++) {
      float value = HalfFloats.bfloat16ToFloat((short) bits);
      if (!Float.isNaN(value)) {
        assertThat(HalfFloats.floatToBfloat16(value) & 0xFFFF).isEqualTo(bits);
      }
    }
  }
}
