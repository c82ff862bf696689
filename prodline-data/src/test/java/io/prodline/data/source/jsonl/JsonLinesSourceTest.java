package io.prodline.data.source.jsonl;

import static io.prodline.data.source.Rows.row;
import static io.prodline.data.source.Rows.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecord;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {
  @TempDir Path dir;

  private static Frame readAll(Path file, SourceOptions options) {
    try (JsonLinesSource source = JsonLinesSource.open(file, options)) {
      return source.readAll();
    }
  }

  @Test
  void infersTheFourTypesAndReadsMissingKeysAsNull() {
    Path file = write(dir, "t.jsonl", """
        {"i": 1, "f": 1.5, "b": true, "s": "x", "mixed": 1, "nested": {"k": [1, 2]}}
        {"i": -7, "f": 2, "b": false, "s": null, "mixed": "two", "nested": [true]}

        {"f": 1e3, "mixed": false}
        """);
    try (JsonLinesSource source = JsonLinesSource.open(file, SourceOptions.defaults())) {
      assertThat(source.schema()).containsExactly(new Field("i", ColumnType.INT64),
          new Field("f", ColumnType.FLOAT64), new Field("b", ColumnType.BOOL), new Field("s", ColumnType.STRING),
          new Field("mixed", ColumnType.STRING), new Field("nested", ColumnType.STRING));
      assertThat(Rows.of(source.readAll())).containsExactly(
          row(1L, 1.5, true, "x", "1", "{\"k\":[1,2]}"),
          row(-7L, 2.0, false, null, "two", "[true]"),
          row(null, 1000.0, null, null, "false", null));
    }
  }

  @Test
  void aFloatWrittenWithAFractionIsFloatAndAnIntegralFloatFitsInt64() {
    Path file = write(dir, "t.jsonl", "{\"a\": 3.0, \"b\": 1}\n{\"a\": 4, \"b\": 2.0}\n");
    Frame frame = readAll(file, SourceOptions.defaults().withSampleRows(1));
    assertThat(frame.type(0)).isEqualTo(ColumnType.FLOAT64);
    assertThat(Rows.of(frame)).containsExactly(row(3.0, 1L), row(4.0, 2L));
  }

  @Test
  void batchesOfTheGivenSize() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      text.append("{\"i\": ").append(i).append("}\r\n");
    }
    Path file = write(dir, "t.jsonl", text.toString());
    List<Integer> sizes = new ArrayList<>();
    try (JsonLinesSource source = JsonLinesSource.open(file, SourceOptions.defaults().withBatchRows(4)
        .withSampleRows(3))) {
      source.forEach(batch -> sizes.add(batch.rowCount()));
    }
    assertThat(sizes).containsExactly(4, 4, 2);
  }

  @Test
  void aFileThatIsOneJsonArrayIsNamedAsSuchWithTheConversion() {
    Path file = write(dir, "t.json", "[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n");
    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":1: the line holds a JSON array, not an object")
        .hasMessageContaining("jq -c '.[]'");
  }

  @Test
  void truncatedLineNamesTheFileAndLine() {
    Path file = write(dir, "t.jsonl", "{\"a\": 1}\n{\"a\": 2}\n{\"a\": 3, \"b");
    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":3: not valid JSON (")
        .hasMessageEndingWith("); a line may be cut short or hold more than one line's object");
  }

  @Test
  void invalidUtf8SpoilsOnlyItsOwnLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"s\": \"ok\"}\n{\"s\": \"".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3); // a lead byte without its continuation
    bytes.writeBytes("\"}\n{\"s\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "t.jsonl", bytes.toByteArray());

    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":2: invalid UTF-8 bytes; save the file with UTF-8 encoding");

    try (JsonLinesSource source = JsonLinesSource.open(file,
        SourceOptions.defaults().withBadRecords(BadRecordPolicy.skipAndCount(5)))) {
      assertThat(Rows.of(source.readAll())).containsExactly(row("ok"), row("fine"));
      assertThat(source.badRecords().skipped()).isEqualTo(1);
      assertThat(source.badRecords().examples()).containsExactly(
          new BadRecord(file.toString(), 2, "invalid UTF-8 bytes; save the file with UTF-8 encoding"));
    }
  }

  @Test
  void badValueFailsByDefault() {
    Path file = write(dir, "t.jsonl", "{\"n\": 1}\n{\"n\": 2}\n{\"n\": \"three\"}\n");
    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults().withSampleRows(2)))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: key 'n' is int64 but has the value \"three\", which is not a 64-bit integer;"
            + " declare the column as string, or increase the inference sample (sampleRows, now 2) so that it"
            + " sees such values");
  }

  @Test
  void badValuesAreSkippedAndCountedWithTheFirstExamples() {
    StringBuilder text = new StringBuilder("{\"n\": 0, \"ok\": true}\n");
    for (int i = 1; i <= 6; i++) {
      text.append(i % 2 == 0 ? "{\"n\": " + i + "}\n" : "{\"n\": [" + i + "]}\n");
    }
    Path file = write(dir, "t.jsonl", text.toString());
    SourceOptions skip = SourceOptions.defaults().withSampleRows(1)
        .withBadRecords(BadRecordPolicy.skipAndCount(3).withExamples(2));
    try (JsonLinesSource source = JsonLinesSource.open(file, skip)) {
      assertThat(Rows.of(source.readAll())).containsExactly(row(0L, true), row(2L, null), row(4L, null),
          row(6L, null));
      assertThat(source.badRecords().skipped()).isEqualTo(3);
      assertThat(source.badRecords().examples()).extracting(BadRecord::line).containsExactly(2L, 4L);
      assertThat(source.badRecords().examples().get(0).problem())
          .startsWith("key 'n' is int64 but has the value an array");
    }
  }

  /**
   * Many small batches, parsed on several threads, with bad and blank lines scattered through them: the rows come
   * back in file order and the bad lines are counted and listed in file order, as one thread would give them.
   */
  @Test
  void batchesParsedInParallelComeBackInFileOrder() {
    StringBuilder text = new StringBuilder();
    List<Long> good = new ArrayList<>();
    List<Long> badLines = new ArrayList<>();
    Random random = new Random(5);
    for (long line = 1; line <= 20_000; line++) {
      int kind = line <= 10 ? 0 : random.nextInt(100);
      if (kind == 1) {
        text.append("{\"n\": \"text\"}\n"); // a string where the sample saw integers
        badLines.add(line);
      } else if (kind == 2) {
        text.append("{\"n\": 3\n"); // cut short
        badLines.add(line);
      } else if (kind == 3) {
        text.append("\n"); // blank: skipped, not a record
      } else {
        text.append("{\"n\": ").append(line).append("}\n");
        good.add(line);
      }
    }
    Path file = write(dir, "many.jsonl", text.toString());
    // Four threads over 4 KiB chunks: about seventy chunks parsed out of order, whatever the machine's cores.
    SourceOptions skip = SourceOptions.defaults().withSampleRows(10).withBatchRows(97).withThreads(4)
        .withBatchBytes(4096).withBadRecords(BadRecordPolicy.skipAndCount(10_000).withExamples(5));
    List<Long> read = new ArrayList<>();
    try (JsonLinesSource source = JsonLinesSource.open(file, skip)) {
      for (Frame batch : source) {
        assertThat(batch.rowCount()).isLessThanOrEqualTo(97);
        for (int r = 0; r < batch.rowCount(); r++) {
          read.add((Long) batch.column(0).get(r));
        }
      }
      assertThat(source.badRecords().skipped()).isEqualTo(badLines.size());
      assertThat(source.badRecords().examples()).extracting(BadRecord::line)
          .containsExactlyElementsOf(badLines.subList(0, 5));
    }
    assertThat(read).containsExactlyElementsOf(good);
  }

  /** Jackson would guess UTF-16 from the bytes and read the line; the reader takes UTF-8 only. */
  @Test
  void textInUtf16IsRefusedLineByLine() {
    Path file = dir.resolve("utf16.jsonl");
    try {
      Files.write(file, "{\"a\": 1}\n{\"a\": 2}\n".getBytes(StandardCharsets.UTF_16LE));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: a NUL byte: is the file UTF-16 or UTF-32? Save it with UTF-8 encoding");
  }

  @Test
  void aByteOrderMarkInsideTheFileIsABadRecord() {
    Path file = write(dir, "two.jsonl", "\uFEFF{\"a\": 1}\n\uFEFF{\"a\": 2}\n{\"a\": 3}\n");
    SourceOptions skip = SourceOptions.defaults().withBadRecords(BadRecordPolicy.skipAndCount(5));
    try (JsonLinesSource source = JsonLinesSource.open(file, skip)) {
      assertThat(Rows.of(source.readAll())).containsExactly(row(1L), row(3L));
      assertThat(source.badRecords().examples().get(0).problem())
          .isEqualTo("a byte order mark starts this line, not the file: was a file appended to another? Remove it");
    }
  }

  @Test
  void readsOnceAndNotAfterClosing() {
    Path file = write(dir, "t.jsonl", "{\"a\": 1}\n");
    JsonLinesSource closedUnread = JsonLinesSource.open(file, SourceOptions.defaults());
    closedUnread.close();
    assertThatThrownBy(closedUnread::iterator).isInstanceOf(IllegalStateException.class);
    try (JsonLinesSource source = JsonLinesSource.open(file, SourceOptions.defaults())) {
      source.forEach(batch -> { });
      assertThatThrownBy(source::iterator).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reads its file once");
    }
  }

  /** A file that cannot be read (here a directory) fails the open and leaves no file descriptor open. */
  @Test
  void aFailedOpenLeavesNoFileOpen() throws Exception {
    Path fds = Path.of("/proc/self/fd");
    Assumptions.assumeTrue(Files.isDirectory(fds), "needs /proc to count open files");
    Path notAFile = Files.createDirectory(dir.resolve("d.jsonl"));
    long before = countOf(fds);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> JsonLinesSource.open(notAFile, SourceOptions.defaults()))
          .hasMessageStartingWith(notAFile + ": cannot read the file");
    }
    assertThat(countOf(fds)).isLessThanOrEqualTo(before);
  }

  private static long countOf(Path folder) throws java.io.IOException {
    try (var entries = Files.list(folder)) {
      return entries.count();
    }
  }

  @Test
  void skippingMoreThanTheCapFails() {
    Path file = write(dir, "t.jsonl", "{\"n\": 1}\nnot json\n[1]\n{\"n\": 1} {\"n\": 2}\n");
    SourceOptions skip = SourceOptions.defaults().withBadRecords(BadRecordPolicy.skipAndCount(2));
    assertThatThrownBy(() -> readAll(file, skip))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":4: more than 2 bad records, the most the skip policy allows; this one:"
            + " expected one JSON object per line, but the line goes on after the object; the first was "
            + file + ":2: not valid JSON (");
  }

  @Test
  void keysOutsideTheSampleAreBadRecordsUnlessDeclared() {
    Path file = write(dir, "t.jsonl", "{\"a\": 1}\n{\"a\": 2, \"late\": \"x\"}\n");
    assertThatThrownBy(() -> readAll(file, SourceOptions.defaults().withSampleRows(1)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":2: key 'late' is not a column");
    Frame declared = readAll(file, SourceOptions.defaults().withSampleRows(1)
        .withTypes(Map.of("late", ColumnType.STRING)));
    assertThat(Rows.of(declared)).containsExactly(row(1L, null), row(2L, "x"));
  }

  @Test
  void declaredSchemaSkipsInference() {
    Path file = write(dir, "t.jsonl", "{\"b\": 1, \"a\": \"1\"}\n");
    List<Field> schema = List.of(new Field("a", ColumnType.STRING), new Field("b", ColumnType.FLOAT64));
    try (JsonLinesSource source = JsonLinesSource.open(file, SourceOptions.defaults().withSchema(schema))) {
      assertThat(source.schema()).isEqualTo(schema);
      assertThat(Rows.of(source.readAll())).containsExactly(row("1", 1.0));
    }
  }
}
