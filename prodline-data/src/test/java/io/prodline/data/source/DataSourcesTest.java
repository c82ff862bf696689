package io.prodline.data.source;

import static io.prodline.data.source.Rows.row;
import static io.prodline.data.source.Rows.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.core.frame.Int64Column;
import io.prodline.data.source.arrow.ArrowIpcWriter;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.source.jsonl.JsonLinesSource;
import io.prodline.data.source.parquet.ParquetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
  @TempDir Path dir;

  private static Frame readAll(String location, SourceOptions options) {
    try (DataSource source = DataSources.open(location, options)) {
      return source.readAll();
    }
  }

  @Test
  void choosesTheFormatByExtension() {
    write(dir, "a.csv", "x\n1\n");
    write(dir, "a.NDJSON", "{\"x\": 1}\n");
    write(dir, "a.json", "{\"x\": 1}\n");
    for (String name : List.of("a.csv", "a.NDJSON", "a.json")) {
      assertThat(Rows.of(readAll(dir.resolve(name).toString(), SourceOptions.defaults())))
          .containsExactly(row(1L));
    }
    SourceOptions query = SourceOptions.defaults().withQuery("SELECT 1 AS x");
    assertThat(Rows.of(readAll("jdbc:postgresql://127.0.0.1:5432/test?user=postgres", query)))
        .containsExactly(row(1L));
    assertThat(Format.of(Path.of("x.jsonl"))).contains(Format.JSON_LINES);
    assertThat(Format.of(Path.of("x.parquet"))).contains(Format.PARQUET);
    assertThat(Format.of(Path.of("x.txt"))).isEmpty();
  }

  @Test
  void eachFormatIsADataSource() {
    Path csv = write(dir, "a.csv", "x\n1\n");
    Path jsonl = write(dir, "a.jsonl", "{\"x\": 1}\n");
    Path parquet = parquet(dir.resolve("a.parquet"), "SELECT 1::BIGINT AS x");
    for (DataSource source : List.<DataSource>of(CsvSource.open(csv), JsonLinesSource.open(jsonl,
        SourceOptions.defaults()), ParquetSource.open(parquet, SourceOptions.defaults()))) {
      try (source) {
        assertThat(source.schema()).containsExactly(new Field("x", ColumnType.INT64));
        assertThat(Rows.of(source.readAll())).containsExactly(row(1L));
      }
    }
  }

  @Test
  void aDirectoryIsItsFilesInNameOrderWithFingerprints() {
    Path b = write(dir, "d/span-2.csv", "x,s\n3,c\n");
    Path a = write(dir, "d/span-1.csv", "x,s\n1,a\n2,b\n");
    write(dir, "d/_SUCCESS", "");
    write(dir, "d/.hidden.csv", "not,read\n");
    write(dir, "d/README.txt", "ignored");
    List<Integer> batchSizes = new ArrayList<>();
    try (SpannedSource source = DataSources.openFiles(dir.resolve("d").toString(), SourceOptions.defaults())) {
      assertThat(source.files()).containsExactly(a, b);
      List<List<Object>> rows = new ArrayList<>();
      for (Frame batch : source) {
        batchSizes.add(batch.rowCount());
        rows.addAll(Rows.of(batch));
      }
      assertThat(rows).containsExactly(row(1L, "a"), row(2L, "b"), row(3L, "c"));
      assertThat(source.spans()).containsExactly(new Span(a, 2, ContentFingerprint.sha256(a)),
          new Span(b, 1, ContentFingerprint.sha256(b)));
    }
    assertThat(batchSizes).containsExactly(2, 1);
  }

  @Test
  void aGlobReadsTheMatchingFilesAndBatchesWithinEachSpan() {
    write(dir, "data/span-01.jsonl", "{\"v\": 1.5}\n{\"v\": 2}\n{\"v\": 3}\n");
    write(dir, "data/span-02.jsonl", "{\"v\": 4}\n"); // alone it would be int64; the first span says float64
    write(dir, "data/other.jsonl", "{\"w\": true}\n");
    List<Integer> sizes = new ArrayList<>();
    try (SpannedSource source = DataSources.openFiles(dir + "/data/span-*.jsonl",
        SourceOptions.defaults().withBatchRows(2))) {
      assertThat(source.schema()).containsExactly(new Field("v", ColumnType.FLOAT64));
      source.forEach(batch -> sizes.add(batch.rowCount()));
      assertThat(source.spans()).extracting(Span::rows).containsExactly(3L, 1L);
      assertThat(source.spans()).extracting(span -> span.file().getFileName().toString())
          .containsExactly("span-01.jsonl", "span-02.jsonl");
    }
    assertThat(sizes).containsExactly(2, 1, 1);
  }

  @Test
  void columnsInAnotherOrderAreReorderedLikeTheFirstSpan() {
    write(dir, "d/1.csv", "a,b\n1,x\n");
    write(dir, "d/2.csv", "b,a\ny,2\n");
    Frame all = readAll(dir.resolve("d").toString(), SourceOptions.defaults());
    assertThat(all.names()).containsExactly("a", "b");
    assertThat(Rows.of(all)).containsExactly(row(1L, "x"), row(2L, "y"));
  }

  @Test
  void aFewColumnsAreReadInTheOrderAskedFromEverySpanAndFormat() {
    write(dir, "d/1.csv", "a,b,c\n1,x,true\n");
    write(dir, "d/2.csv", "c,b,a\nfalse,y,2\n");
    write(dir, "j/1.jsonl", "{\"a\": 1, \"b\": \"x\", \"c\": true}\n");
    for (String location : List.of("d", "j")) {
      List<List<Object>> rows = new ArrayList<>();
      try (DataSource source = DataSources.open(dir.resolve(location).toString(), SourceOptions.defaults())) {
        source.iterator(List.of("c", "a")).forEachRemaining(batch -> {
          assertThat(batch.names()).containsExactly("c", "a");
          rows.addAll(Rows.of(batch));
        });
      }
      assertThat(rows.get(0)).isEqualTo(row(true, 1L));
    }
  }

  @Test
  void aValueInAColumnNotReadIsNoError() {
    Path file = write(dir, "b.csv", "n,s\n1,a\n2,b\nthree,c\n");
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults().withSampleRows(2))) {
      List<List<Object>> rows = new ArrayList<>();
      source.iterator(List.of("s")).forEachRemaining(batch -> rows.addAll(Rows.of(batch)));
      assertThat(rows).containsExactly(row("a"), row("b"), row("c"));
    }
    try (DataSource source = DataSources.open(file.toString(), SourceOptions.defaults())) {
      assertThatThrownBy(() -> source.iterator(List.of("s", "t"))).hasMessageContaining("no column 't'");
    }
  }

  @Test
  void aSpanWithAnotherColumnNamesTheFileAndTheColumn() {
    write(dir, "d/1.jsonl", "{\"a\": 1}\n");
    Path second = write(dir, "d/2.jsonl", "{\"a\": 2, \"extra\": 1}\n");
    assertThatThrownBy(() -> readAll(dir.resolve("d").toString(), SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(second + ": column 'extra' is not in the first span, " + dir.resolve("d/1.jsonl"));
  }

  @Test
  void aSpanWithAnotherTypeNamesTheFileAndTheColumn() {
    Path first = parquet(dir.resolve("1.parquet"), "SELECT 1::BIGINT AS a, 'x' AS s");
    Path second = parquet(dir.resolve("2.parquet"), "SELECT 'x' AS s, 1.5::DOUBLE AS a");
    assertThatThrownBy(() -> readAll(dir + "/*.parquet", SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(second + ": column 'a' is float64 here but int64 in the first span, " + first
            + "; every span of a location must have the same column types");
  }

  @Test
  void aCsvSpanMissingAColumnNamesTheFileAndTheColumn() {
    write(dir, "d/1.csv", "a,b\n1,2\n");
    Path second = write(dir, "d/2.csv", "a\n3\n");
    assertThatThrownBy(() -> readAll(dir.resolve("d").toString(), SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(second + ":1: ")
        .hasMessageContaining("'b'");
  }

  @Test
  void locationsThatNameNoData() {
    write(dir, "mixed/a.csv", "x\n1\n");
    write(dir, "mixed/b.jsonl", "{\"x\": 1}\n");
    write(dir, "empty/notes.txt", "");
    assertThatThrownBy(() -> DataSources.open(dir.resolve("mixed").toString(), SourceOptions.defaults()))
        .isInstanceOf(ProdlineException.class)
        .hasMessageContaining("holds files of more than one format (csv, json lines)");
    assertThatThrownBy(() -> DataSources.open(dir.resolve("empty").toString(), SourceOptions.defaults()))
        .hasMessageStartingWith(dir.resolve("empty") + ": the directory holds no data file");
    assertThatThrownBy(() -> DataSources.open(dir + "/nothing-*.csv", SourceOptions.defaults()))
        .hasMessage(dir + "/nothing-*.csv: no file matches");
    assertThatThrownBy(() -> DataSources.open(dir.resolve("nope.csv").toString(), SourceOptions.defaults()))
        .hasMessage(dir.resolve("nope.csv") + ": no such file or directory");
    assertThatThrownBy(() -> DataSources.open("jdbc:postgresql://h/db?password=p", SourceOptions.defaults()))
        .hasMessage("jdbc:postgresql://h/db: a JDBC location needs a SQL query; give it with"
            + " SourceOptions.withQuery");
  }

  @Test
  void csvBadValueFailsOrIsSkippedAndCounted() {
    Path file = write(dir, "b.csv", "n,s\n1,a\n2,b\nthree,c\n4\n5,e\n");
    SourceOptions sampleTwo = SourceOptions.defaults().withSampleRows(2);
    assertThatThrownBy(() -> readAll(file.toString(), sampleTwo))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":4: column 'n' is int64 but has the value \"three\"");
    try (DataSource source = DataSources.open(file.toString(),
        sampleTwo.withBadRecords(BadRecordPolicy.skipAndCount(10)))) {
      assertThat(Rows.of(source.readAll())).containsExactly(row(1L, "a"), row(2L, "b"), row(5L, "e"));
      assertThat(source.badRecords().skipped()).isEqualTo(2);
      assertThat(source.badRecords().examples()).extracting(BadRecord::toString).containsExactly(
          file + ":4: column 'n' is int64 but has the value \"three\", which is not a 64-bit integer; declare the"
              + " column as string, or increase the inference sample (sampleRows, now 2) so that it sees such"
              + " values",
          file + ":5: expected 2 fields, as in the header, but found 1; quote fields that contain commas or line"
              + " breaks");
    }
  }

  @Test
  void theSkipCapHoldsForAllSpansTogether() {
    write(dir, "d/1.csv", "n\n1\nx\n");
    Path second = write(dir, "d/2.csv", "n\ny\n2\n");
    SourceOptions skipOne = SourceOptions.defaults().withBadRecords(BadRecordPolicy.skipAndCount(1))
        .withTypes(java.util.Map.of("n", ColumnType.INT64));
    assertThatThrownBy(() -> readAll(dir.resolve("d").toString(), skipOne))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(second + ":2: more than 1 bad records");
  }

  @Test
  void aLocationOfSeveralFilesKnowsItsRowsWhenEachFilesMetadataDoes() throws Exception {
    Files.createDirectories(dir.resolve("p"));
    Files.createDirectories(dir.resolve("a"));
    parquet(dir.resolve("p/part-0.parquet"), "SELECT range::BIGINT AS x FROM range(1000)");
    parquet(dir.resolve("p/part-1.parquet"), "SELECT range::BIGINT AS x FROM range(234)");
    List<Field> fields = List.of(new Field("x", ColumnType.INT64));
    for (int part = 0; part < 3; part++) {
      Path file = dir.resolve("a/part-" + part + ".arrow");
      try (ArrowIpcWriter writer = new ArrowIpcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), fields, Set.of(), ArrowIpcWriter.Compression.NONE)) {
        writer.write(Frame.of(List.of("x"), List.of(Int64Column.of(new long[10 + part]))));
      }
    }
    write(dir, "c/1.csv", "x\n1\n");
    write(dir, "c/2.csv", "x\n2\n");
    for (String location : List.of("p", "a", "c")) {
      try (DataSource source = DataSources.open(dir.resolve(location).toString(), SourceOptions.defaults())) {
        long expected = switch (location) {
          case "p" -> 1234;
          case "a" -> 33;
          default -> -1; // text files say nothing of their rows until read
        };
        assertThat(source.knownRows().orElse(-1)).as(location).isEqualTo(expected);
        assertThat(source.readAll().rowCount()).as(location).isEqualTo(expected < 0 ? 2 : expected);
      }
    }
    // A damaged part stops the count, before any row is read, naming the directory.
    write(dir, "p/part-2.parquet", "not parquet");
    try (DataSource source = DataSources.open(dir.resolve("p").toString(), SourceOptions.defaults())) {
      assertThatThrownBy(source::knownRows).isInstanceOf(ProdlineException.class)
          .hasMessageStartingWith(dir.resolve("p") + ": cannot count the rows of its 3 Parquet files: ");
    }
  }

  static Path parquet(Path file, String select) {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }
}
