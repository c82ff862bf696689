package io.prodline.serving.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File naming and rotation by size and by UTC day; a restart never overwrites; a full disk leaves whole lines. */
class JsonLinesSinkTest {
  private static final long DAY1 = Instant.parse("2024-05-01T23:59:00Z").toEpochMilli();
  private static final long DAY2 = Instant.parse("2024-05-02T00:01:00Z").toEpochMilli();

  @TempDir
  Path dir;

  private static PredictionRecord record(long millis) {
    return record(millis, "id");
  }

  private static PredictionRecord record(long millis, String id) {
    return new PredictionRecord(id, "m", 1, millis, 1, Frame.of(List.of("x"), List.of(Float64Column.of(1))),
        new Predictions(Task.REGRESSION, List.of(), 1, 1, new float[] {1}));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void startsANewFileAtEachUtcDay() throws IOException {
    try (JsonLinesSink sink = new JsonLinesSink(dir, 1 << 20)) {
      sink.write(record(DAY1));
      sink.write(record(DAY1));
      sink.write(record(DAY2));
    }
    assertThat(files()).containsExactly("predictions-2024-05-01-0.jsonl", "predictions-2024-05-02-0.jsonl");
    assertThat(Files.readAllLines(dir.resolve("predictions-2024-05-01-0.jsonl"))).hasSize(2);
  }

  @Test
  void startsANewFileOnceTheCurrentOneReachesItsSize() throws IOException {
    try (JsonLinesSink sink = new JsonLinesSink(dir, 10)) {
      sink.write(record(DAY1));
      sink.write(record(DAY1));
    }
    assertThat(files()).containsExactly("predictions-2024-05-01-0.jsonl", "predictions-2024-05-01-1.jsonl");
  }

  @Test
  void aRestartedSinkNeverOverwritesAnEarlierFile() throws IOException {
    try (JsonLinesSink sink = new JsonLinesSink(dir, 1 << 20)) {
      sink.write(record(DAY1));
    }
    try (JsonLinesSink sink = new JsonLinesSink(dir, 1 << 20)) {
      sink.write(record(DAY1));
    }
    assertThat(files()).containsExactly("predictions-2024-05-01-0.jsonl", "predictions-2024-05-01-1.jsonl");
  }

  @Test
  void aDiskThatFillsUpLeavesOnlyWholeRecordsAndCountsWhatWasLost() throws IOException {
    long[] room = {Long.MAX_VALUE};
    JsonLinesSink.Opener fillingDisk = file -> new RandomAccessFile(file, "rw") {
      @Override
      public void write(byte[] bytes) throws IOException {
        // Writes what fits, then fails as a full disk does: part of a record reaches the file.
        int fits = (int) Math.min(bytes.length, Math.max(0, room[0] - length()));
        write(bytes, 0, fits);
        if (fits < bytes.length) {
          throw new IOException("No space left on device");
        }
      }
    };
    try (JsonLinesSink sink = new JsonLinesSink(dir, 1 << 20, fillingDisk)) {
      assertThat(sink.write(record(DAY1, "a"))).isZero(); // held, to be written with others
      assertThat(sink.flush()).isEqualTo(1);
      long oneRecord = Files.size(dir.resolve("predictions-2024-05-01-0.jsonl"));
      room[0] = oneRecord + oneRecord / 2;
      sink.write(record(DAY1, "b"));
      sink.write(record(DAY1, "c"));
      assertThatThrownBy(sink::flush).isInstanceOfSatisfying(PredictionSink.SinkException.class,
          e -> assertThat(e.lostRecords()).isEqualTo(2));
      assertThat(Files.size(dir.resolve("predictions-2024-05-01-0.jsonl"))).as("cut back").isEqualTo(oneRecord);
      room[0] = Long.MAX_VALUE; // the disk has room again
      sink.write(record(DAY1, "d"));
      assertThat(sink.flush()).isEqualTo(1);
    }
    List<String> lines = Files.readAllLines(dir.resolve("predictions-2024-05-01-0.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("request_id").asText()).isEqualTo("a");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("request_id").asText()).isEqualTo("d");
  }

  @Test
  void aFileInPlaceOfTheDirectoryIsRefusedAtOnce() throws IOException {
    Path file = Files.writeString(dir.resolve("plfile"), "x");
    assertThatThrownBy(() -> new JsonLinesSink(file, 1 << 20)).isInstanceOf(IOException.class);
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  /** Skipped where the tests run as root, who may write anywhere; the check then cannot be seen to refuse. */
  @Test
  void aDirectoryTheServerMayNotWriteIntoIsRefusedAtOnce() throws IOException {
    Path readOnly = Files.createDirectories(dir.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeFalse(Files.isWritable(readOnly), "the test runs as a user that may write anywhere (root)");
    assertThatThrownBy(() -> new JsonLinesSink(readOnly, 1 << 20)).isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not write files there");
  }
}
