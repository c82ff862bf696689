package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.readAll;
import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.frame.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchingTest {
  @TempDir Path dir;

  private Path numbers(int rows) {
    StringBuilder text = new StringBuilder("i,half,name\n");
    for (int i = 0; i < rows; i++) {
      text.append(i).append(',').append(i / 2.0).append(",\"n, ").append(i % 7).append("\"\n");
    }
    return write(dir, "n.csv", text.toString());
  }

  @Test
  void batchesConcatenateToReadAll() {
    Path file = numbers(10);
    List<Frame> batches = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults().withBatchRows(3))) {
      csv.forEach(batches::add);
    }
    assertThat(batches).extracting(Frame::rowCount).containsExactly(3, 3, 3, 1);
    Frame joined = batches.stream().reduce(Frame::concat).orElseThrow();
    assertThat(rows(joined)).isEqualTo(rows(readAll(file)));
  }

  @Test
  void batchesCrossTheEndOfTheSample() {
    Path file = numbers(1000);
    List<Frame> batches = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(file, CsvOptions.defaults().withBatchRows(64).withSampleRows(100))) {
      csv.forEach(batches::add);
    }
    assertThat(batches).hasSize(16);
    assertThat(rows(batches.stream().reduce(Frame::concat).orElseThrow())).isEqualTo(rows(readAll(file)));
  }

  @Test
  void exactMultipleOfTheBatchSizeHasNoEmptyBatch() {
    List<Integer> sizes = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(numbers(6), CsvOptions.defaults().withBatchRows(3))) {
      csv.forEach(batch -> sizes.add(batch.rowCount()));
    }
    assertThat(sizes).containsExactly(3, 3);
  }

  @Test
  void aSourceIsReadOnce() {
    try (CsvSource csv = CsvSource.open(numbers(3))) {
      csv.readAll();
      assertThatThrownBy(csv::iterator)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("a CsvSource reads its file once; open a new one to read it again");
    }
  }
}
