package io.prodline.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New, unchanged, growing and rewritten files, each poll called by hand: no sleeping, no timing. */
class WatchTriggerTest {
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void filesThereAtTheStartAreTheBaselineAndAnUnchangedFileNeverFires() throws IOException {
    Files.writeString(dir.resolve("span-1.csv"), "a,b\n1,2\n");
    WatchTrigger watch = WatchTrigger.of(dir.toString());
    assertThat(watch.poll(NOW)).isEmpty();
    assertThat(watch.poll(NOW)).isEmpty();
    assertThat(watch.poll(NOW)).isEmpty();
  }

  @Test
  void aNewFileFiresOnceItIsStable() throws IOException {
    WatchTrigger watch = WatchTrigger.of(dir.toString());
    assertThat(watch.poll(NOW)).isEmpty();
    Files.createDirectories(dir.resolve("span-2"));
    Files.writeString(dir.resolve("span-2/part.csv"), "a,b\n1,2\n");
    assertThat(watch.poll(NOW)).as("first seen: maybe still being written").isEmpty();
    assertThat(watch.poll(NOW)).contains("watch '" + dir + "': new span-2/part.csv");
    assertThat(watch.poll(NOW)).isEmpty();
  }

  @Test
  void aGrowingFileIsNotTakenUntilItStopsGrowing() throws IOException {
    WatchTrigger watch = WatchTrigger.of(dir.toString());
    watch.poll(NOW);
    Path file = dir.resolve("big.csv");
    Files.writeString(file, "a,b\n");
    assertThat(watch.poll(NOW)).isEmpty();
    Files.writeString(file, "1,2\n", StandardOpenOption.APPEND);
    assertThat(watch.poll(NOW)).isEmpty();
    Files.writeString(file, "3,4\n", StandardOpenOption.APPEND);
    assertThat(watch.poll(NOW)).isEmpty();
    assertThat(watch.poll(NOW)).contains("watch '" + dir + "': new big.csv");
  }

  @Test
  void aFileWhoseFingerprintChangesFiresAgain() throws IOException {
    Path file = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
    WatchTrigger watch = WatchTrigger.of(dir.toString());
    watch.poll(NOW);
    Files.writeString(file, "a,b\n5,6\n"); // same size
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(watch.poll(NOW)).isEmpty();
    assertThat(watch.poll(NOW)).contains("watch '" + dir + "': changed data.csv");
  }

  @Test
  void aGlobWatchesOnlyTheFilesItMatches() throws IOException {
    WatchTrigger watch = WatchTrigger.of(dir + "/span-*.csv");
    watch.poll(NOW);
    Files.writeString(dir.resolve("notes.txt"), "x");
    Files.writeString(dir.resolve("span-3.csv"), "a\n1\n");
    watch.poll(NOW);
    assertThat(watch.poll(NOW)).contains("watch '" + dir + "/span-*.csv': new span-3.csv");
  }

  @Test
  void aMissingFolderIsAClearError() {
    assertThatThrownBy(() -> WatchTrigger.of(dir.resolve("nope").toString())).hasMessageContaining("not a folder");
    assertThatThrownBy(() -> WatchTrigger.of(dir.resolve("nope/*.csv").toString()))
        .hasMessageContaining("does not exist");
  }
}
