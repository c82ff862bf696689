package io.prodline.data.source.parquet;

import static io.prodline.data.source.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecord;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetSourceTest {
  @TempDir Path dir;

  /** Writes a Parquet file with DuckDB itself, the way a user's pipeline would produce one. */
  static Path writeParquet(Path file, String select) {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }

  @Test
  void mapsDuckDbTypesToTheFourColumnTypes() {
    Path file = writeParquet(dir.resolve("t.parquet"), """
        SELECT * FROM (VALUES
          (1::TINYINT, 2::BIGINT, 3::UINTEGER, 1.25::DECIMAL(10, 2), 0.5::FLOAT, 2.5::DOUBLE, true, 'x',
           DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:00', TIMESTAMPTZ '2024-01-02 03:04:05.5+02',
           [1, 2], {'k': 'v'}),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
        AS t(ti, bi, ui, dec, fl, db, b, s, d, ts, tz, list, struct)""");
    try (ParquetSource source = ParquetSource.open(file, SourceOptions.defaults())) {
      assertThat(source.schema()).extracting(Field::type).containsExactly(
          ColumnType.INT64, ColumnType.INT64, ColumnType.INT64, ColumnType.FLOAT64, ColumnType.FLOAT64,
          ColumnType.FLOAT64, ColumnType.BOOL, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING,
          ColumnType.STRING, ColumnType.STRING, ColumnType.STRING);
      assertThat(Rows.of(source.readAll())).containsExactly(
          row(1L, 2L, 3L, 1.25, 0.5, 2.5, true, "x", "2024-01-02", "2024-01-02T03:04:00",
              "2024-01-02T01:04:05.5Z", "[1, 2]", "{'k': v}"), // DuckDB's own text for a struct
          row(null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
  }

  @Test
  void roundTripsGeneratedRowsInBatches() {
    Path file = writeParquet(dir.resolve("r.parquet"),
        "SELECT i, i / 4 AS q, 'v' || (i % 3) AS s FROM range(10000) t(i)");
    List<Frame> batches = new ArrayList<>();
    try (ParquetSource source = ParquetSource.open(file, SourceOptions.defaults().withBatchRows(3000))) {
      assertThat(source.knownRows()).hasValue(10_000); // from the metadata, before reading
      source.forEach(batches::add);
    }
    assertThat(batches).extracting(Frame::rowCount).containsExactly(3000, 3000, 3000, 1000);
    long row = 0;
    for (Frame batch : batches) {
      for (int r = 0; r < batch.rowCount(); r++, row++) {
        assertThat(Rows.of(batch).get(r)).isEqualTo(row(row, row / 4.0, "v" + row % 3));
      }
    }
  }

  @Test
  void anUnsignedValueBeyondInt64IsABadRecord() {
    Path file = writeParquet(dir.resolve("u.parquet"),
        "SELECT * FROM (VALUES (1::UBIGINT), (18446744073709551615::UBIGINT), (3::UBIGINT)) t(u)");
    assertThatThrownBy(() -> read(file, SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: column 'u': the value 18446744073709551615 does not fit a 64-bit integer;"
            + " cast it in the query");
    try (ParquetSource source = ParquetSource.open(file,
        SourceOptions.defaults().withBadRecords(BadRecordPolicy.skipAndCount(1)))) {
      assertThat(Rows.of(source.readAll())).containsExactly(row(1L), row(3L));
      assertThat(source.badRecords().examples()).extracting(BadRecord::line).containsExactly(2L);
    }
  }

  @Test
  void plainColumnsReadColumnarGiveTheFramesOfTheRowByRowPath() {
    Path file = writeParquet(dir.resolve("plain.parquet"), """
        SELECT (i % 100)::TINYINT AS ti, (i % 1000 * 7)::SMALLINT AS si, (i * 1000)::INTEGER AS ii, i * 1000000007 AS bi,
               (i / 3)::FLOAT AS fl, i / 7 AS db, (i / 8)::DECIMAL(12, 3) AS dec, i % 2 = 0 AS b,
               'v' || (i % 5) || 'é' AS s, (((i + 50) % 251) + 5)::UTINYINT AS ut, ((i + 50) * 9)::USMALLINT AS us,
               ((i + 50) * 600000)::UINTEGER AS ui
        FROM range(-50, 7000) t(i)
        UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL""");
    SourceOptions options = SourceOptions.defaults().withBatchRows(3000);
    try (ParquetSource columnar = ParquetSource.open(file, options);
         ParquetSource rows = ParquetSource.open(file, options, new BadRecords(options.badRecords()), false)) {
      assertThat(columnar.rows()).as("read columnar").isInstanceOf(ArrowColumnarSource.class);
      assertThat(columnar.warnings()).isEmpty();
      assertThat(rows.rows()).as("read through JDBC").isNotInstanceOf(ArrowColumnarSource.class);
      assertThat(columnar.schema()).isEqualTo(rows.schema());
      List<Frame> fromArrow = new ArrayList<>();
      columnar.forEach(fromArrow::add);
      List<Frame> fromJdbc = new ArrayList<>();
      rows.forEach(fromJdbc::add);
      assertThat(fromArrow).extracting(Frame::rowCount).containsExactly(3000, 3000, 1051);
      assertThat(fromArrow).extracting(Rows::of).isEqualTo(fromJdbc.stream().map(Rows::of).toList());
      assertThat(Rows.of(fromArrow.get(2)).get(1050)).isEqualTo(row(null, null, null, null, null, null, null, null,
          null, null, null, null));
      assertThat(Rows.of(fromArrow.get(0)).get(0)).isEqualTo(row(-50L, -350L, -50000L, -50000000350L,
          (double) (float) (-50 / 3.0), -50 / 7.0, -6.25, true, "v0é", 5L, 0L, 0L));
      // Unsigned values above the signed range of their width stay positive.
      assertThat(Rows.of(fromArrow.get(2)).get(1049)).isEqualTo(Rows.of(fromJdbc.get(2)).get(1049));
      assertThat(fromArrow.get(2).column("ui").getDouble(1049)).isEqualTo(7049 * 600000.0);
    }
  }

  @Test
  void onlyTheColumnsAskedForAreRead() {
    Path file = writeParquet(dir.resolve("wide.parquet"), "SELECT i AS a, i * 2 AS b, 'x' AS c FROM range(5) t(i)");
    try (ParquetSource source = ParquetSource.open(file, SourceOptions.defaults())) {
      Frame narrowed = source.iterator(List.of("c", "a")).next();
      assertThat(narrowed.names()).containsExactly("c", "a");
      assertThat(Rows.of(narrowed)).containsExactly(row("x", 0L), row("x", 1L), row("x", 2L), row("x", 3L),
          row("x", 4L));
    }
  }

  @Test
  void aJvmWithoutJavaNioOpenedReadsRowByRowAndGetsTheSameRows() throws Exception {
    Path file = writeParquet(dir.resolve("plain.parquet"), "SELECT i, i / 2 AS h, 'v' || i AS s FROM range(3) t(i)");
    String inThisJvm;
    try (ParquetSource source = ParquetSource.open(file, SourceOptions.defaults())) {
      assertThat(source.rows()).isInstanceOf(ArrowColumnarSource.class);
      inThisJvm = Rows.of(source.readAll()).toString();
    }
    // The test JVM has java.nio opened (the build's argLine); a plain java command has not.
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ReadParquetMain.class.getName(), file.toString())
        .redirectError(dir.resolve("stderr.txt").toFile()).start();
    String output = new String(child.getInputStream().readAllBytes());
    assertThat(child.waitFor()).as(() -> output + readQuietly(dir.resolve("stderr.txt"))).isZero();
    assertThat(output.lines().toList()).containsExactly("row by row", file + ": read row by row, several times "
        + "slower than column by column, because this JVM does not open java.nio to Arrow; start java with "
        + "--add-opens=java.base/java.nio=ALL-UNNAMED", inThisJvm);
  }

  @Test
  void notAParquetFileIsNamedWithoutTheSqlThatReadIt() {
    Path file = Rows.write(dir, "x.parquet", "a,b\n1,2\n");
    assertThatThrownBy(() -> read(file, SourceOptions.defaults()))
        .hasMessageStartingWith(file + ": cannot read it as Parquet: ")
        .hasMessageNotContaining("SELECT").hasMessageNotContaining("LINE 1");
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  private static Frame read(Path file, SourceOptions options) {
    try (ParquetSource source = ParquetSource.open(file, options)) {
      return source.readAll();
    }
  }
}
