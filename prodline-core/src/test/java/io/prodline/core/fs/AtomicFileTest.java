package io.prodline.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file appears whole or not at all, and a failed write leaves the earlier file and no temporary one. */
class AtomicFileTest {
  @TempDir
  Path dir;

  @Test
  void aCommittedStreamReplacesTheFileAndAnUncommittedOneLeavesItAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("out.txt"), "old");
    try (AtomicFile file = AtomicFile.create(target)) {
      file.stream().write("half".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.readString(target)).isEqualTo("old");
    try (AtomicFile file = AtomicFile.create(target)) {
      file.stream().write("new".getBytes(StandardCharsets.UTF_8));
      file.commit();
    }
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(files()).containsExactly("out.txt");
  }

  @Test
  void aPathWriterWritesTheWholeFileOrNothing() throws IOException {
    Path target = Files.writeString(dir.resolve("out.bin"), "old");
    assertThatThrownBy(() -> AtomicFile.write(target, temp -> {
      Files.writeString(temp, "partly written");
      throw new IOException("disk full");
    })).isInstanceOf(ProdlineException.class).hasMessage(target + ": cannot write: disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(files()).containsExactly("out.bin");

    AtomicFile.write(target, temp -> Files.writeString(temp, "complete"));
    assertThat(Files.readString(target)).isEqualTo("complete");
    assertThat(files()).containsExactly("out.bin");
  }

  @Test
  void aNewFileGetsTheUsualPermissionsAndAReplacedOneKeepsItsOwn() throws IOException {
    // What a file created the ordinary way gets here (the umask's), which a reader of the output relies on.
    Path ordinary = Files.createFile(dir.resolve("ordinary"));
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(ordinary);
    Files.delete(ordinary);

    Path target = dir.resolve("new.csv");
    AtomicFile.write(target, temp -> Files.writeString(temp, "a"));
    assertThat(Files.getPosixFilePermissions(target)).isEqualTo(usual);

    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
    try (AtomicFile file = AtomicFile.create(target)) {
      file.stream().write("b".getBytes(StandardCharsets.UTF_8));
      file.commit();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw-r--");
    assertThat(files()).containsExactly("new.csv");
  }

  /** The names in the directory: the target, and no temporary file. */
  private List<String> files() throws IOException {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.map(p -> p.getFileName().toString()).toList();
    }
  }
}
