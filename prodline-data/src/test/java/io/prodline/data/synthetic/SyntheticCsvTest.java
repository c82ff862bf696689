package io.prodline.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCsvTest {
  @Test
  void sameSeedGivesSameBytesAndTheDocumentedColumns(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    new SyntheticCsv(10, 7, 0.05, 0).write(a, 20_000, rows -> { });
    new SyntheticCsv(10, 7, 0.05, 0).write(b, 20_000, rows -> { });
    assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    Frame f;
    try (CsvSource csv = CsvSource.open(a)) {
      f = csv.readAll();
    }
    assertThat(f.rowCount()).isEqualTo(20_000);
    assertThat(f.names()).startsWith("num_0", "amount_1", "count_2", "cat_3", "flag_4", "num_5");
    assertThat(f.type(0)).isEqualTo(ColumnType.FLOAT64);
    assertThat(f.type(2)).isEqualTo(ColumnType.INT64);
    assertThat(f.type(3)).isEqualTo(ColumnType.STRING);
    assertThat(f.type(4)).isEqualTo(ColumnType.BOOL);
    assertThat(f.column(0).nullCount()).isZero();
    assertThat(f.column(1).nullCount() / 20_000.0).isBetween(0.04, 0.06);
    double mean = 0;
    for (int r = 0; r < f.rowCount(); r++) {
      mean += f.column(0).getDouble(r);
    }
    assertThat(mean / f.rowCount()).isBetween(9.9, 10.1);
  }

  @Test
  void driftShiftsTheNumericMean(@TempDir Path dir) throws Exception {
    Path shifted = dir.resolve("s.csv");
    new SyntheticCsv(1, 7, 0, 2.0).write(shifted, 10_000, rows -> { });
    Frame f;
    try (CsvSource csv = CsvSource.open(shifted)) {
      f = csv.readAll();
    }
    double mean = 0;
    for (int r = 0; r < f.rowCount(); r++) {
      mean += f.column(0).getDouble(r);
    }
    assertThat(mean / f.rowCount()).isBetween(11.9, 12.1);
  }
}
