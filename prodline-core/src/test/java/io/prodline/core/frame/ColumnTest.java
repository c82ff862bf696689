package io.prodline.core.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns written into a row-major float matrix, each type by its own loop, read as {@link Column#getDouble} does. */
class ColumnTest {
  /**
   * 2^60 + 2^36 + 1 is a long whose float differs by the route: straight to float it rounds up, through double
   * (where {@code getDouble} goes) it lands on a tie first and rounds to even, down.
   */
  private static final long TWO_ROUNDINGS = (1L << 60) + (1L << 36) + 1;

  @Test
  void writesEveryTypeAsItsDoubleRoundedToFloatWithNullsAsNaN() {
    Float64Column.Builder doubles = new Float64Column.Builder();
    Int64Column.Builder longs = new Int64Column.Builder();
    BoolColumn.Builder bools = new BoolColumn.Builder();
    doubles.append(0.1);
    doubles.appendNull();
    doubles.append(-3.5e300);
    longs.append(TWO_ROUNDINGS);
    longs.append(-7);
    longs.appendNull();
    bools.appendNull();
    bools.append(true);
    bools.append(false);
    List<Column> columns = List.of(doubles.build(), longs.build(), bools.build());
    float[] matrix = new float[3 * 4]; // a spare column at the end stays untouched
    for (int c = 0; c < columns.size(); c++) {
      columns.get(c).writeFloats(matrix, c, 4);
    }
    for (int row = 0; row < 3; row++) {
      for (int c = 0; c < columns.size(); c++) {
        assertThat(Float.floatToIntBits(matrix[row * 4 + c])).as("row %d, column %d", row, c)
            .isEqualTo(Float.floatToIntBits((float) columns.get(c).getDouble(row)));
      }
      assertThat(matrix[row * 4 + 3]).isZero();
    }
    assertThat(matrix[1]).isEqualTo(0x1p60f).isNotEqualTo((float) TWO_ROUNDINGS);
    assertThat(List.of(matrix[4], matrix[9], matrix[2], matrix[6])).containsExactly(Float.NaN, Float.NaN, Float.NaN,
        1f);
  }
}
