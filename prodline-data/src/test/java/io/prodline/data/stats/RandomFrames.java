package io.prodline.data.stats;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.List;
import java.util.Random;

/** Seeded random frames with every column type, nulls, NaN, infinities and a non-negative weight column. */
final class RandomFrames {
  static final List<String> NAMES = List.of("x", "n", "s", "b", "w");

  private RandomFrames() {}

  static Frame frame(Random random, int rows) {
    Float64Column.Builder x = new Float64Column.Builder();
    Int64Column.Builder n = new Int64Column.Builder();
    StringColumn.Builder s = new StringColumn.Builder();
    BoolColumn.Builder b = new BoolColumn.Builder();
    Float64Column.Builder w = new Float64Column.Builder();
    for (int row = 0; row < rows; row++) {
      int special = random.nextInt(40);
      if (special == 0) {
        x.appendNull();
      } else if (special == 1) {
        x.append(Double.NaN);
      } else if (special == 2) {
        x.append(random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
      } else if (special == 3) {
        x.append(0.0);
      } else {
        x.append(1e6 + random.nextGaussian() * 250);
      }
      if (random.nextInt(20) == 0) {
        n.appendNull();
      } else {
        n.append(random.nextInt(1000) - 500);
      }
      if (random.nextInt(15) == 0) {
        s.appendNull();
      } else {
        s.append("v" + (int) Math.abs(random.nextGaussian() * 6));
      }
      if (random.nextInt(10) == 0) {
        b.appendNull();
      } else {
        b.append(random.nextInt(3) == 0);
      }
      w.append(random.nextInt(4) * 0.5);
    }
    List<Column> columns = List.of(x.build(), n.build(), s.build(), b.build(), w.build());
    return Frame.of(NAMES, columns);
  }
}
