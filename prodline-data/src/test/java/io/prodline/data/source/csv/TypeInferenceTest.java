package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static io.prodline.data.source.csv.CsvFiles.row;
import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

class TypeInferenceTest {
  @TempDir Path dir;

  /** Each case is one column: its cells separated by '|', and the type they must give. */
  @ParameterizedTest(name = "{0} -> {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "1|-2|+3|9223372036854775807|-9223372036854775808; INT64",
      "1|2|; INT64",
      "1.5|-2|3e5|1E-3|.5|7.; FLOAT64",
      "NaN|nan|Inf|INF|-inf|Infinity|-INFINITY|+Inf|2; FLOAT64",
      "9223372036854775808; FLOAT64",
      "00000000000000000000001|-0009223372036854775807; INT64",
      "+.5e+2|-7.E-1|1e0005|0; FLOAT64",
      "1.2.3; STRING",
      "--1; STRING",
      "1e5e5; STRING",
      "e5; STRING",
      ".; STRING",
      "+; STRING",
      "1-2; STRING",
      "+nan; STRING",
      "\u0663; STRING",
      "\u0663.5; STRING",
      "true|FALSE|True|; BOOL",
      "1|abc; STRING",
      "1|true; STRING",
      "0x10; STRING",
      "' 1'; STRING",
      "1d; STRING",
      "1e; STRING",
      "-; STRING",
      "yes|no; STRING",
      "|; STRING",
  })
  void inferenceRule(String cells, ColumnType expected) {
    StringBuilder text = new StringBuilder("other,x\n");
    for (String cell : cells.split("\\|", -1)) {
      text.append("v,").append(cell).append('\n');
    }
    Path file = write(dir, "c.csv", text.toString());
    try (CsvSource csv = CsvSource.open(file)) {
      assertThat(csv.schema().get(1)).isEqualTo(new Field("x", expected));
    }
  }

  @Test
  void aNumberColumnReadAsStringBecauseOfAFewWordsIsAWarning() {
    StringBuilder text = new StringBuilder("rain,kind\n");
    for (int i = 0; i < 20; i++) {
      text.append(i == 3 ? "abc" : i + ".5").append(i % 2 == 0 ? ",x\n" : ",7\n");
    }
    Path file = write(dir, "w.csv", text.toString());
    try (CsvSource csv = CsvSource.open(file)) {
      assertThat(csv.schema().get(0)).isEqualTo(new Field("rain", ColumnType.STRING));
      // kind: half numbers, half words: a text column, nothing to say.
      assertThat(csv.warnings()).containsExactly(file + ": column 'rain' is read as string although 19 of its 20"
          + " sampled values are numbers; the first that is not is \"abc\" on line 5. If it is a number column,"
          + " correct or blank such values, or declare its type (float64) and skip the rows that do not fit as bad"
          + " records");
    }
  }

  @Test
  void specialFloatWordsParseToTheirValues() {
    Frame frame = readAll(write(dir, "f.csv", "x\nNaN\n-Inf\ninfinity\n1e3\n-0.0\n"));
    assertThat(rows(frame)).containsExactly(row(Double.NaN), row(Double.NEGATIVE_INFINITY),
        row(Double.POSITIVE_INFINITY), row(1000.0), row(-0.0));
  }

  @Test
  void declaredTypeOverridesInference() {
    Path file = write(dir, "zip.csv", "zip,n\n00501,1\n10001,2\n");
    CsvOptions options = CsvOptions.defaults().withTypes(Map.of("zip", ColumnType.STRING));
    try (CsvSource csv = CsvSource.open(file, options)) {
      assertThat(csv.schema()).containsExactly(new Field("zip", ColumnType.STRING), new Field("n", ColumnType.INT64));
      assertThat(rows(csv.readAll())).containsExactly(row("00501", 1L), row("10001", 2L));
    }
  }

  @Test
  void intColumnCanBeReadAsFloat() {
    Frame frame = readAll(write(dir, "n.csv", "n\n1\n2\n"),
        CsvOptions.defaults().withTypes(Map.of("n", ColumnType.FLOAT64)));
    assertThat(rows(frame)).containsExactly(row(1.0), row(2.0));
  }

  @Test
  void fullSchemaReplacesInferenceAndMayListColumnsInAnyOrder() {
    Path file = write(dir, "s.csv", "a,b\n1,x\n2,y\n");
    CsvOptions options = CsvOptions.defaults()
        .withSchema(List.of(new Field("b", ColumnType.STRING), new Field("a", ColumnType.FLOAT64)));
    try (CsvSource csv = CsvSource.open(file, options)) {
      assertThat(csv.schema()).containsExactly(new Field("a", ColumnType.FLOAT64), new Field("b", ColumnType.STRING));
      assertThat(rows(csv.readAll())).containsExactly(row(1.0, "x"), row(2.0, "y"));
    }
  }

  @Test
  void schemaMustCoverEveryHeaderColumn() {
    Path file = write(dir, "s.csv", "a,b\n1,x\n");
    CsvOptions options = CsvOptions.defaults().withSchema(List.of(new Field("a", ColumnType.INT64)));
    assertThatThrownBy(() -> CsvSource.open(file, options))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith(file + ":1: column 'b' is not in the given schema");
  }

  @Test
  void declaredTypeForAnUnknownColumnIsAnError() {
    Path file = write(dir, "s.csv", "a,b\n1,x\n");
    CsvOptions options = CsvOptions.defaults().withTypes(Map.of("c", ColumnType.INT64));
    assertThatThrownBy(() -> CsvSource.open(file, options))
        .isInstanceOf(DataFormatException.class)
        .hasMessage(file + ":1: the declared types name column 'c', which is not in the header; the header has [a, b]");
  }

  @Test
  void onlyTheSampleDecidesTheType() {
    Path file = write(dir, "late.csv", "x\n1\n2\n3.5\n");
    try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults().withSampleRows(2))) {
      assertThat(csv.schema().get(0).type()).isEqualTo(ColumnType.INT64);
    }
    try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults().withSampleRows(3))) {
      assertThat(csv.schema().get(0).type()).isEqualTo(ColumnType.FLOAT64);
    }
  }
}
