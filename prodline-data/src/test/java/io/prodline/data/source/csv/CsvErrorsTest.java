package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.BadRecord;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.BadRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvErrorsTest {
  @TempDir Path dir;

  @Test
  void valueAfterTheSampleThatMisfitsAnInferredType() {
    Path file = write(dir, "late.csv", "id,x\n1,1.5\n2,2.5\n3,abc\n");
    assertThatThrownBy(() -> readAll(file, CsvOptions.defaults().withSampleRows(2)))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":4: column 'x' is float64 but has the value \"abc\", which is not a number;"
            + " declare the column as string, or increase the inference sample (sampleRows, now 2) so that it"
            + " sees such values");
  }

  @Test
  void decimalInAnInt64ColumnIsNotPromoted() {
    Path file = write(dir, "int.csv", "n\n1\n2\n2.5\n");
    assertThatThrownBy(() -> readAll(file, CsvOptions.defaults().withSampleRows(2)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":4: column 'n' is int64 but has the value \"2.5\", which is not a 64-bit"
            + " integer; declare the column as string, or increase the inference sample");
  }

  @Test
  void misfitOfADeclaredTypeAdvisesFixingTheValue() {
    Path file = write(dir, "b.csv", "ok\ntrue\nmaybe\n");
    assertThatThrownBy(() -> readAll(file, CsvOptions.defaults().withTypes(Map.of("ok", ColumnType.BOOL))))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: column 'ok' is bool but has the value \"maybe\", which is neither true nor false;"
            + " correct the value or declare the column as string");
  }

  @Test
  void misfitLineCountsLineBreaksInEarlierQuotedFields() {
    Path file = write(dir, "nl.csv", "note,x\n\"one\",1\n\"two\r\nlines\",2\n\"three\nmore\nlines\",oops\n");
    assertThatThrownBy(() -> readAll(file, CsvOptions.defaults().withSampleRows(1)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":7: column 'x' is int64 but has the value \"oops\"");
  }

  @Test
  void rowWithTooFewFields() {
    Path file = write(dir, "few.csv", "a,b,c\n1,2,3\n\"x\ny\",5\n");
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: expected 3 fields, as in the header, but found 2;"
            + " quote fields that contain commas or line breaks");
  }

  @Test
  void rowWithTooManyFieldsAfterTheSample() {
    Path file = write(dir, "many.csv", "a,b\n1,2\n3,4\n5,6,7\n");
    assertThatThrownBy(() -> readAll(file, CsvOptions.defaults().withSampleRows(1)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":4: expected 2 fields, as in the header, but found 3");
  }

  @Test
  void unterminatedQuoteNamesTheLineWhereTheFieldStarted() {
    Path file = write(dir, "open.csv", "a,b\n1,2\n3,\"abc\ndef\n4,5\n");
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":3: the quoted field that starts on this line is never closed; add the closing"
            + " quote (\") and write any quote inside a quoted field as two quotes (\"\")");
  }

  @Test
  void unterminatedQuoteAfterEscapedQuotesIsFound() {
    Path file = write(dir, "open2.csv", "a,b\n\"x\"\"y\",\"z\"\"\n");
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":2: the quoted field that starts on this line is never closed");
  }

  @Test
  void unterminatedQuoteIsReportedBeforeTheBatchHoldingIt() {
    Path file = write(dir, "open3.csv", "a\n1\n2\n\"3\n");
    CsvOptions options = CsvOptions.defaults().withBatchRows(1).withTypes(Map.of("a", ColumnType.STRING));
    try (CsvSource csv = CsvSource.open(file, options)) {
      assertThatThrownBy(() -> csv.forEach(batch -> { }))
          .isInstanceOf(DataFormatException.class)
          .hasMessageStartingWith(file + ":4: the quoted field");
    }
  }

  @Test
  void textAfterAClosingQuote() {
    Path file = write(dir, "after.csv", "a,b\n1,2\n\"x\"y,2\n");
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":3: Unexpected character after closing quote");
  }

  @Test
  void invalidUtf8NamesTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a,b\n1,\"x\ny\"\n2,".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFF);
    bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "bad.csv", bytes.toByteArray());
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":4: invalid UTF-8 bytes; save the file with UTF-8 encoding");
  }

  @Test
  void aRecordThatIsNotUtf8IsABadRecordTheSkipPolicyCounts() {
    // Line 3 was saved as Latin-1 ("café" with é as the single byte 0xE9), inside the type-inference sample.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("n,s\n1,tea\n2,caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9);
    bytes.writeBytes("\n3,cr\u00e8me\n".getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "latin1.csv", bytes.toByteArray());
    BadRecords bad = new BadRecords(BadRecordPolicy.skipAndCount(10));

    List<Frame> batches = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults(), bad)) {
      csv.forEach(batches::add);
    }

    assertThat(batches).singleElement().satisfies(frame -> {
      assertThat(frame.column("n").type()).isEqualTo(ColumnType.INT64);
      assertThat(frame.column("s")).extracting(c -> List.of(c.get(0), c.get(1))).isEqualTo(List.of("tea", "cr\u00e8me"));
    });
    assertThat(bad.skipped()).isEqualTo(1);
    assertThat(bad.examples()).containsExactly(
        new BadRecord(file.toString(), 3, "invalid UTF-8 bytes; save the file with UTF-8 encoding"));
  }

  @Test
  void invalidUtf8FarIntoALargeFile() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("n,s\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 50_000; i++) {
      bytes.writeBytes((i + ",caf\u00e9\r\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes("1,caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3); // the start of a two-byte sequence, cut short
    bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    Path file = write(dir, "big.csv", bytes.toByteArray());
    assertThatThrownBy(() -> {
      try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults().withBatchRows(1000))) {
        for (Frame ignored : csv) {
          // reading is the test
        }
      }
    }).isInstanceOf(DataFormatException.class).hasMessageStartingWith(file + ":50002: invalid UTF-8");
  }

  @Test
  void blankHeaderName() {
    Path file = write(dir, "h.csv", "a,,c\n1,2,3\n");
    assertThatThrownBy(() -> CsvSource.open(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: header column 2 has no name; give every column a name in the header row");
  }

  @Test
  void duplicateHeaderName() {
    Path file = write(dir, "h.csv", "a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> CsvSource.open(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: header columns 1 and 3 are both named 'a'; column names must be unique");
  }

  @Test
  void emptyFile() {
    Path file = write(dir, "empty.csv", "");
    assertThatThrownBy(() -> CsvSource.open(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ": the file is empty; expected a header row naming the columns");
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvSource.open(file))
        .isInstanceOf(ProdlineException.class)
        .hasMessage(file + ": no such file");
  }
}
