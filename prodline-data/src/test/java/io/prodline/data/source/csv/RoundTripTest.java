package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random typed rows, written by a minimal RFC 4180 writer, must read back exactly, batched or whole. */
class RoundTripTest {
  private static final String[] PIECES = {"a", "Z", "7", ".", " ", ",", "\"", "\n", "\r\n", "\u00e9", "\ud83d\ude00"};
  private static final double[] SPECIAL_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300};
  private static final long[] SPECIAL_LONGS = {Long.MIN_VALUE, Long.MAX_VALUE, 0};

  @TempDir Path dir;

  @Test
  void randomRowsReadBackExactly() {
    Random random = new Random(20240611L);
    int rowCount = 5_000;
    List<List<Object>> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder("id,score,flag,label,note\n");
    for (int r = 0; r < rowCount; r++) {
      List<Object> row = Arrays.asList(
          maybeNull(random, randomLong(random)),
          maybeNull(random, randomDouble(random)),
          maybeNull(random, random.nextBoolean()),
          // The first label is text, so inference cannot take the column for a number.
          r == 0 ? "first" : maybeNull(random, randomString(random)),
          maybeNull(random, randomString(random)));
      expected.add(row);
      writeRow(text, row, random);
    }
    Path file = write(dir, "random.csv", text.toString());

    CsvOptions options = CsvOptions.defaults().withBatchRows(777);
    Frame whole;
    List<Frame> batches = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(file, options)) {
      assertThat(csv.schema()).containsExactly(new Field("id", ColumnType.INT64),
          new Field("score", ColumnType.FLOAT64), new Field("flag", ColumnType.BOOL),
          new Field("label", ColumnType.STRING), new Field("note", ColumnType.STRING));
      csv.forEach(batches::add);
    }
    whole = readAll(file, options);
    assertThat(batches).hasSize((rowCount + 776) / 777);
    assertThat(rows(whole)).isEqualTo(expected);
    assertThat(rows(batches.stream().reduce(Frame::concat).orElseThrow())).isEqualTo(expected);
  }

  private static Object maybeNull(Random random, Object value) {
    return random.nextInt(10) == 0 ? null : value;
  }

  private static long randomLong(Random random) {
    return random.nextInt(20) == 0 ? SPECIAL_LONGS[random.nextInt(SPECIAL_LONGS.length)] : random.nextLong();
  }

  private static double randomDouble(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> SPECIAL_DOUBLES[random.nextInt(SPECIAL_DOUBLES.length)];
      case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (random.nextBoolean() ? 1 : -1);
      case 2 -> random.nextInt(1000) / 8.0;
      default -> random.nextGaussian();
    };
  }

  /** One to eight pieces; never empty, since an empty cell means missing. */
  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(8); i >= 0; i--) {
      s.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return s.toString();
  }

  private static void writeRow(StringBuilder text, List<Object> row, Random random) {
    for (int c = 0; c < row.size(); c++) {
      if (c > 0) {
        text.append(',');
      }
      text.append(cell(row.get(c), random));
    }
    text.append(random.nextBoolean() ? "\n" : "\r\n");
  }

  private static String cell(Object value, Random random) {
    if (value == null) {
      return random.nextBoolean() ? "" : "\"\"";
    }
    if (value instanceof Boolean b) {
      String word = b.toString();
      return random.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word;
    }
    if (value instanceof String s) {
      boolean mustQuote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
      return mustQuote || random.nextInt(4) == 0 ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
    return value.toString();
  }
}
