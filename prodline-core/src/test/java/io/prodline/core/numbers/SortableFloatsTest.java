package io.prodline.core.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SortableFloatsTest {
  private static final float[] EDGES = {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1.5f, -Float.MIN_NORMAL,
      -Float.MIN_VALUE, -0.0f, 0.0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1.5f, Float.MAX_VALUE,
      Float.POSITIVE_INFINITY};

  @Test
  void keysOrderAsTheFloatsDoAndGiveTheFloatBack() {
    Random random = new Random(3);
    float[] values = new float[EDGES.length + 2_000];
    System.arraycopy(EDGES, 0, values, 0, EDGES.length);
    for (int i = EDGES.length; i < values.length; i++) {
      values[i] = Float.intBitsToFloat(random.nextInt()); // every exponent, both signs
      if (Float.isNaN(values[i])) {
        values[i] = 1f;
      }
    }
    for (float a : values) {
      assertThat(SortableFloats.value(SortableFloats.key(a))).isEqualTo(a + 0.0f);
      for (int j = 0; j < EDGES.length; j++) {
        float b = EDGES[j];
        assertThat(SortableFloats.key(a) < SortableFloats.key(b)).as("%s < %s", a, b).isEqualTo(a < b);
        assertThat(SortableFloats.key(a) == SortableFloats.key(b)).as("%s == %s", a, b).isEqualTo(a == b);
      }
    }
    assertThat(SortableFloats.key(Float.NEGATIVE_INFINITY)).isGreaterThan(Integer.MIN_VALUE + 1);
    assertThat(SortableFloats.key(Float.POSITIVE_INFINITY)).isLessThan(Integer.MAX_VALUE);
  }
}
