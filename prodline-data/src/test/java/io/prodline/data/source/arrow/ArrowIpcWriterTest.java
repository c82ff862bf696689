package io.prodline.data.source.arrow;

import static io.prodline.data.source.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames written as Arrow record batches read back value for value, nulls where they were. */
class ArrowIpcWriterTest {
  private static final List<Field> FIELDS = List.of(new Field("x", ColumnType.FLOAT64),
      new Field("p", ColumnType.FLOAT64), new Field("n", ColumnType.INT64), new Field("flag", ColumnType.BOOL),
      new Field("name", ColumnType.STRING));

  @TempDir Path dir;

  /** Row i of the written frames: a null in each column at its own rows, text that is empty or not ASCII. */
  private static List<Object> expectedRow(int i) {
    return row(i % 7 == 3 ? null : i * 0.1, i % 5 == 1 ? null : (double) (i * 0.25f),
        i % 6 == 2 ? null : i * 1_000_000_007L, i % 4 == 0 ? null : i % 3 == 0,
        i % 11 == 6 ? null : switch (i % 3) {
          case 0 -> "";
          case 1 -> "café";
          default -> "name-" + i % 4;
        });
  }

  /** Frames of 13, 8 and 19 rows: bitmaps that end inside a byte and on a byte boundary. */
  @Test
  void writesEveryColumnTypeAndItsNullsAsTheSourceReadsThemBack() throws IOException {
    Path file = dir.resolve("frames.arrow");
    int[] sizes = {13, 8, 19};
    try (ArrowIpcWriter writer = new ArrowIpcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), FIELDS, Set.of("p"), ArrowIpcWriter.Compression.NONE)) {
      int first = 0;
      for (int size : sizes) {
        writer.write(frame(first, size));
        first += size;
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults().withBatchRows(100))) {
      source.forEach(frame -> rows.addAll(Rows.of(frame)));
    }
    assertThat(rows).hasSize(40);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).as("row %d", i).isEqualTo(expectedRow(i));
    }
  }

  private static Frame frame(int first, int rows) {
    Float64Column.Builder x = new Float64Column.Builder();
    Float64Column.Builder p = new Float64Column.Builder();
    Int64Column.Builder n = new Int64Column.Builder();
    BoolColumn.Builder flag = new BoolColumn.Builder();
    StringColumn.Builder name = new StringColumn.Builder();
    for (int i = first; i < first + rows; i++) {
      List<Object> values = expectedRow(i);
      x.appendObject(values.get(0));
      p.appendObject(values.get(1));
      n.appendObject(values.get(2));
      flag.appendObject(values.get(3));
      name.appendObject(values.get(4));
    }
    List<Column> columns = List.of(x.build(), p.build(), n.build(), flag.build(), name.build());
    return Frame.of(FIELDS.stream().map(Field::name).toList(), columns);
  }
}
