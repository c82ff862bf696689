package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static io.prodline.data.source.csv.CsvFiles.row;
import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvParsingTest {
  @TempDir Path dir;

  @Test
  void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() {
    Path file = write(dir, "q.csv",
        "name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\nplain,\"\"\"\"\n\"\",\"a\r\nb\"\n");
    Frame frame = readAll(file);
    assertThat(rows(frame)).containsExactly(
        row("Smith, J", "said \"hi\"\nthen left"),
        row("plain", "\""),
        row(null, "a\r\nb"));
  }

  @Test
  void byteOrderMarkIsDropped() {
    byte[] text = "id,x\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Frame frame = readAll(write(dir, "bom.csv", withBom));
    assertThat(frame.names()).containsExactly("id", "x");
    assertThat(rows(frame)).containsExactly(row(1L, 2L));
  }

  @Test
  void crlfAndLfLineEndsBothWork() {
    Frame frame = readAll(write(dir, "ends.csv", "a,b\r\n1,x\r\n2,y\n3,z\r\n"));
    assertThat(rows(frame)).containsExactly(row(1L, "x"), row(2L, "y"), row(3L, "z"));
  }

  @Test
  void emptyCellsAreMissingInEveryType() {
    Frame frame = readAll(write(dir, "empty.csv", "i,f,b,s\n1,,true,\n,2.5,,x\n\"\",\"\",false,\"\"\n"));
    assertThat(frame.type(0)).isEqualTo(ColumnType.INT64);
    assertThat(frame.type(1)).isEqualTo(ColumnType.FLOAT64);
    assertThat(frame.type(2)).isEqualTo(ColumnType.BOOL);
    assertThat(frame.type(3)).isEqualTo(ColumnType.STRING);
    assertThat(rows(frame)).containsExactly(
        row(1L, null, true, null),
        row(null, 2.5, null, "x"),
        row(null, null, false, null));
  }

  @Test
  void nullTokensAreMissingToo() {
    Path file = write(dir, "na.csv", "x,s\n1.5,NA\nNA,y\nnull,\n");
    Frame frame = readAll(file, CsvOptions.defaults().withNullTokens(Set.of("NA", "null")));
    assertThat(frame.type(0)).isEqualTo(ColumnType.FLOAT64);
    assertThat(rows(frame)).containsExactly(row(1.5, null), row(null, "y"), row(null, null));
  }

  @Test
  void withoutNullTokensTheyAreText() {
    Frame frame = readAll(write(dir, "na.csv", "x\n1.5\nNA\n"));
    assertThat(frame.type(0)).isEqualTo(ColumnType.STRING);
  }

  @Test
  void headerOnlyFileGivesEmptyStringColumns() {
    try (CsvSource csv = CsvSource.open(write(dir, "h.csv", "a,b\n"))) {
      assertThat(csv.schema()).extracting(f -> f.type()).containsExactly(ColumnType.STRING, ColumnType.STRING);
      Frame frame = csv.readAll();
      assertThat(frame.rowCount()).isZero();
      assertThat(frame.names()).containsExactly("a", "b");
    }
  }

  @Test
  void blankLinesAreSkipped() {
    Frame frame = readAll(write(dir, "blank.csv", "a,b\n\n1,2\n\n3,4\n\n"));
    assertThat(rows(frame)).containsExactly(row(1L, 2L), row(3L, 4L));
  }
}
