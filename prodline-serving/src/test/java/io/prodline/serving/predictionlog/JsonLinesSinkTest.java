package io.prodline.serving.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File naming and rotation by size and by UTC day; a restart never overwrites. */
class JsonLinesSinkTest {
  private static final long DAY1 = Instant.parse("2024-05-01T23:59:00Z").toEpochMilli();
  private static final long DAY2 = Instant.parse("2024-05-02T00:01:00Z").toEpochMilli();

  @TempDir
  Path dir;

  private static PredictionRecord record(long millis) {
    return new PredictionRecord("id", "m", 1, millis, 1, Frame.of(List.of("x"), List.of(Float64Column.of(1))),
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
}
