package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.fingerprint.ContentFingerprint;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandFilesTest {
  @TempDir
  Path dir;

  @Test
  void argumentsNamingFilesCountByContentAndOthersNotAtAll() throws IOException {
    Path script = Files.writeString(dir.resolve("train.py"), "print('v1')\n");
    Files.createDirectories(dir.resolve("src"));
    Map<String, String> key = CommandFiles.fingerprints(
        List.of("python3-not-a-file", "train.py", "--epochs", "3", "src", "", "bad\0path"), dir);
    assertThat(key).containsExactly(Map.entry("command_file_1", ContentFingerprint.sha256(script)));

    Files.writeString(script, "print('v2')\n");
    assertThat(CommandFiles.fingerprints(List.of("python3", "train.py"), dir).get("command_file_1"))
        .isNotEqualTo(key.get("command_file_1"));
  }

  @Test
  void anAbsolutePathCountsToo() throws IOException {
    Path conf = Files.writeString(dir.resolve("conf.yaml"), "a: 1\n");
    assertThat(CommandFiles.fingerprints(List.of("sh", conf.toString()), Path.of("/")))
        .containsEntry("command_file_1", ContentFingerprint.sha256(conf));
  }

  @Test
  void aFileAboveTheLimitCountsBySizeAndModificationTimeWithoutBeingRead() throws IOException {
    Path data = dir.resolve("big.csv");
    try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
      file.setLength(CommandFiles.MAX_HASHED_BYTES + 1);
    }
    Files.setLastModifiedTime(data, FileTime.fromMillis(1_700_000_000_000L));
    assertThat(CommandFiles.fingerprints(List.of("python3", "big.csv"), dir))
        .containsExactly(Map.entry("command_file_1", "size:1048577,modified:1700000000000"));
  }
}
