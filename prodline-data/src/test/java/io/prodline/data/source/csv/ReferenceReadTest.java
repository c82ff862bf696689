package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.BadRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file reads as exactly the values its cells were written from, typed by {@link Cells} one cell at a time
 * (the definition of each type), whatever shortcut the reader takes from the bytes: every column or a few of
 * them, on one thread or several, with bad records skipped halfway through a row.
 */
class ReferenceReadTest {
  private static final List<Field> SCHEMA = List.of(new Field("f", ColumnType.FLOAT64),
      new Field("i", ColumnType.INT64), new Field("s", ColumnType.STRING), new Field("b", ColumnType.BOOL),
      new Field("g", ColumnType.FLOAT64), new Field("t", ColumnType.STRING));
  private static final String[] FLOATS = {"0", "-0", "-0.0", "1.", ".5", "+2.25", "9.8972", "13.3923", "-1234567.8",
      "12345678", "123456789.5", "1e5", "-2.5E-3", "0.000000000000000000001", "NaN", "-inf", "Infinity", "1.2.3",
      "7a", "12,5", "é", "0x10"};
  private static final String[] INTS = {"0", "-7", "+12", "123456789012345678", "9223372036854775807", "1.5", "x"};
  private static final String[] STRINGS = {"c1", "c12", "north, east", "say \"hi\"", "line\nbreak", "é", "ab",
      "a_shared_prefix_1", "a_shared_prefix_2", "a_shared_prefix_and_longer_than_thirty_two_bytes", "😀"};
  private static final String[] BOOLS = {"true", "false", "TRUE", "False", "tRuE", "truth", "falsey", "1", "yes"};

  @TempDir Path dir;

  /** A file and what reading it must give: the good rows' values by column, and how many rows were bad. */
  private record Expected(Path file, List<List<Object>> rows, long bad) {}

  @Test
  void everyColumnOrAFewReadAsTheCellsWereWritten() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 12; round++) {
      List<String> read = round % 3 == 0 ? List.of("f", "i", "s", "b", "g", "t")
          : round % 3 == 1 ? List.of("t", "g", "s") : List.of("b", "f");
      Expected expected = randomFile(random, "r" + round + ".csv", 400 + random.nextInt(600), read);
      for (int threads : new int[] {1, 3}) {
        CsvOptions options = CsvOptions.defaults().withSchema(SCHEMA).withThreads(threads)
            .withBatchRows(1 + random.nextInt(50));
        BadRecords bad = new BadRecords(BadRecordPolicy.skipAndCount(Long.MAX_VALUE));
        List<List<Object>> rows = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(expected.file(), options, bad)) {
          Iterator<Frame> batches = csv.iterator(read);
          while (batches.hasNext()) {
            Frame batch = batches.next();
            assertThat(batch.names()).isEqualTo(read);
            assertDictionaryIsTheValuesInOrderOfFirstAppearance(batch);
            rows.addAll(rows(batch));
          }
        }
        assertThat(rows).as("round %d, %d threads", round, threads).isEqualTo(expected.rows());
        assertThat(bad.skipped()).isEqualTo(expected.bad());
      }
    }
  }

  /** A string column's dictionary holds exactly the values of its rows: none left from a skipped bad record. */
  private static void assertDictionaryIsTheValuesInOrderOfFirstAppearance(Frame batch) {
    for (int c = 0; c < batch.columnCount(); c++) {
      if (batch.column(c) instanceof StringColumn strings) {
        Set<String> seen = new LinkedHashSet<>();
        for (int row = 0; row < strings.size(); row++) {
          if (!strings.isNull(row)) {
            seen.add(strings.value(row));
          }
        }
        assertThat(strings.dictionary()).containsExactlyElementsOf(seen);
      }
    }
  }

  private Expected randomFile(SplittableRandom random, String name, int records, List<String> read) {
    StringBuilder text = new StringBuilder("f,i,s,b,g,t\n");
    List<List<Object>> rows = new ArrayList<>();
    long bad = 0;
    for (int r = 0; r < records; r++) {
      if (random.nextInt(25) == 0) {
        text.append(random.nextBoolean() ? "\n" : "\r\n");
      }
      int width = random.nextInt(60) == 0 ? 5 + 2 * random.nextInt(2) : 6;
      List<String> cells = new ArrayList<>();
      for (int f = 0; f < width; f++) {
        cells.add(random.nextInt(12) == 0 ? "" : randomCell(random, f % 6));
      }
      for (int f = 0; f < width; f++) {
        text.append(f == 0 ? "" : ",").append(quoted(cells.get(f), random));
      }
      text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
      List<Object> row = width == 6 ? typed(cells, read) : null;
      if (row == null) {
        bad++;
      } else {
        rows.add(row);
      }
    }
    return new Expected(write(dir, name, text.toString()), rows, bad);
  }

  private static String randomCell(SplittableRandom random, int field) {
    return switch (field) {
      case 0, 4 -> random.nextInt(3) == 0 ? FLOATS[random.nextInt(FLOATS.length)]
          : String.valueOf(Math.round((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(10)))
              / Math.pow(10, random.nextInt(7)));
      case 1 -> random.nextInt(3) == 0 ? INTS[random.nextInt(INTS.length)] : String.valueOf(random.nextInt(50));
      case 3 -> BOOLS[random.nextInt(random.nextInt(5) == 0 ? BOOLS.length : 5)];
      default -> random.nextInt(3) == 0 ? STRINGS[random.nextInt(STRINGS.length)] : "c" + random.nextInt(60);
    };
  }

  /** The cell as CSV: quoted when it must be, and now and then when it need not be. */
  private static String quoted(String cell, SplittableRandom random) {
    boolean must = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
    return must || random.nextInt(15) == 0 ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  /** The row's values of the columns read, as {@link Cells} types them; null when one of them does not fit. */
  private static List<Object> typed(List<String> cells, List<String> read) {
    List<Object> row = new ArrayList<>();
    for (String column : read) {
      int field = SCHEMA.stream().map(Field::name).toList().indexOf(column);
      String cell = cells.get(field);
      try {
        row.add(cell.isEmpty() ? null : switch (SCHEMA.get(field).type()) {
          case FLOAT64 -> Cells.parseFloat64(cell);
          case INT64 -> Cells.parseInt64(cell);
          case BOOL -> Cells.parseBool(cell);
          case STRING -> cell;
        });
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return row;
  }
}
