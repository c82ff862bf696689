package io.prodline.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemsTest {
  @Test
  void theJdksFileSystemExceptionsAreWordedWithTheirFile(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("models.yaml");
    NoSuchFileException notThere = null;
    try {
      Files.readString(missing);
    } catch (NoSuchFileException e) {
      notThere = e;
    }
    assertThat(IoProblems.of(notThere)).isEqualTo(missing + " does not exist");
    Path file = Files.writeString(dir.resolve("plfile"), "x");
    FileAlreadyExistsException inTheWay = null;
    try {
      Files.createDirectories(file);
    } catch (FileAlreadyExistsException e) {
      inTheWay = e;
    }
    assertThat(IoProblems.of(inTheWay)).isEqualTo(file + " exists already and is in the way");
    assertThat(IoProblems.of(new AccessDeniedException("/var/log/p", null, "no write permission")))
        .isEqualTo("/var/log/p: permission denied (no write permission)");
    assertThat(IoProblems.of(new UnresolvedAddressException()))
        .isEqualTo("the address is none this machine has or can look up");
    assertThat(IoProblems.of(new IOException("Address already in use"))).isEqualTo("Address already in use");
  }
}
