package io.prodline.data.stats;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random frames with every column type, nulls, NaN, infinities and a non-negative weight column. The string
 * columns are {@code s}, a dozen or so values that every sketch holds exactly, and {@code id}, a Zipf-distributed
 * id of {@value #IDS} values that outgrows the default sketches from a few thousand rows on.
 */
final class RandomFrames {
  static final List<String> NAMES = List.of("x", "n", "s", "id", "b", "w");
  static final int IDS = 5_000;

  /**
   * Cumulative probabilities of ids {@code u0 .. u4999} with P(u_r) proportional to 1/(r+1) (Zipf, exponent 1):
   * {@code u0} takes about 11% of the rows, {@code u1} 5.5%, and so on, so there are clear heavy hitters and a long
   * tail; 3,000 rows hold about 1,000 distinct ids, more than the 768 that the default frequent-items sketch counts
   * exactly, and more than the HLL sketch keeps as a plain set of hashes.
   */
  private static final double[] ID_CDF = zipfCdf(IDS);

  private RandomFrames() {}

  private static double[] zipfCdf(int values) {
    double[] cdf = new double[values];
    double sum = 0;
    for (int r = 0; r < values; r++) {
      sum += 1.0 / (r + 1);
      cdf[r] = sum;
    }
    for (int r = 0; r < values; r++) {
      cdf[r] /= sum;
    }
    return cdf;
  }

  private static String zipfId(Random random) {
    int r = Arrays.binarySearch(ID_CDF, random.nextDouble());
    return "u" + Math.min(r < 0 ? -r - 1 : r, IDS - 1);
  }

  static Frame frame(Random random, int rows) {
    Float64Column.Builder x = new Float64Column.Builder();
    Int64Column.Builder n = new Int64Column.Builder();
    StringColumn.Builder s = new StringColumn.Builder();
    StringColumn.Builder id = new StringColumn.Builder();
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
      if (random.nextInt(25) == 0) {
        id.appendNull();
      } else {
        id.append(zipfId(random));
      }
      if (random.nextInt(10) == 0) {
        b.appendNull();
      } else {
        b.append(random.nextInt(3) == 0);
      }
      w.append(random.nextInt(4) * 0.5);
    }
    List<Column> columns = List.of(x.build(), n.build(), s.build(), id.build(), b.build(), w.build());
    return Frame.of(NAMES, columns);
  }
}
