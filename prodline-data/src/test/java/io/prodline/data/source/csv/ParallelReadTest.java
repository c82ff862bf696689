package io.prodline.data.source.csv;

import static io.prodline.data.source.csv.CsvFiles.rows;
import static io.prodline.data.source.csv.CsvFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.BadRecord;
import io.prodline.data.source.BadRecordPolicy;
import io.prodline.data.source.BadRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel parsing gives exactly what one thread gives: the same batches, rows, bad records in the same order,
 * on random files full of quotes, line breaks of every kind, blank lines, non-ASCII text and bad records, read
 * in tiny blocks so record ends fall on block edges.
 */
class ParallelReadTest {
  private static final String[] PIECES = {"a", "Z", "7", "-1.5e3", " ", ",", "\"", "\n", "\r\n", "\r", "\u00e9",
      "\ud83d\ude00", "true"};

  @TempDir Path dir;

  /** What one read gives: each batch's rows, then the skipped records' descriptions. */
  private record Read(List<List<List<Object>>> batches, List<String> skipped) {}

  private static Read read(Path file, int threads, int blockBytes, CsvOptions batching) {
    CsvOptions options = batching.withThreads(threads).withSampleRows(50);
    BadRecords bad = new BadRecords(BadRecordPolicy.skipAndCount(Long.MAX_VALUE).withExamples(Integer.MAX_VALUE));
    List<List<List<Object>>> batches = new ArrayList<>();
    try (CsvSource csv = CsvSource.open(file, options, bad, blockBytes)) {
      for (Frame batch : csv) {
        batches.add(rows(batch));
      }
    }
    return new Read(batches, bad.examples().stream().map(BadRecord::toString).toList());
  }

  @Test
  void parallelReadEqualsSingleThreadedRead() {
    SplittableRandom random = new SplittableRandom(7);
    for (int file = 0; file < 20; file++) {
      Path path = write(dir, "r" + file + ".csv", randomCsv(random, 300 + random.nextInt(700)));
      CsvOptions batching = CsvOptions.defaults().withBatchRows(1 + random.nextInt(40))
          .withBatchBytes(random.nextBoolean() ? CsvOptions.DEFAULT_BATCH_BYTES : 1 + random.nextInt(2000));
      Read single = read(path, 1, 1 << 20, batching);
      assertThat(single.batches()).hasSizeGreaterThan(1);
      assertThat(single.skipped()).isNotEmpty();
      for (int threads : new int[] {2, 4}) {
        int blockBytes = 1 + random.nextInt(64);
        assertThat(read(path, threads, blockBytes, batching))
            .as("file %d, %d threads, %d-byte blocks, %d-row batches of at most %d bytes", file, threads,
                blockBytes, batching.batchRows(), batching.batchBytes())
            .isEqualTo(single);
      }
    }
  }

  /** A header, then rows of an int, a float, a bool and a text column, some bad, some blank, some quoted. */
  private static String randomCsv(SplittableRandom random, int rows) {
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "\ufeff" : "").append("i,x,b,s\r\n");
    for (int r = 0; r < rows; r++) {
      if (random.nextInt(20) == 0) {
        text.append(random.nextBoolean() ? "\n" : "\r\n"); // a blank line
      }
      int fields = random.nextInt(50) == 0 ? 3 : 4; // now and then a row of the wrong width
      for (int f = 0; f < fields; f++) {
        text.append(f == 0 ? "" : ",");
        if (random.nextInt(10) == 0) {
          continue; // missing
        }
        switch (f) {
          case 0 -> text.append(random.nextInt(100) == 0 ? "oops" : String.valueOf(random.nextLong() >> 8));
          case 1 -> text.append(random.nextInt(3) == 0
              ? "\"" + (random.nextDouble() - 0.5) * 1e6 + "\""
              : String.valueOf(random.nextDouble()));
          case 2 -> text.append(random.nextBoolean() ? "TRUE" : "false");
          default -> quoted(text, random);
        }
      }
      text.append(random.nextInt(3) == 0 ? "\r\n" : random.nextInt(5) == 0 ? "\r" : "\n");
    }
    return text.toString();
  }

  private static void quoted(StringBuilder text, SplittableRandom random) {
    StringBuilder value = new StringBuilder();
    for (int i = random.nextInt(6); i > 0; i--) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    text.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
  }
}
