package io.prodline.core.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The write-fsync-rename steps of an atomic publish, and the best-effort removal of what a failed one leaves. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Flushes a file, or a directory's entries, to disk. A file that cannot be flushed is an error; a directory is
   * best effort, since some file systems cannot open a directory to sync it (the rename is still atomic there).
   */
  public static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel ch = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
    }
  }

  /** Renames {@code source} to {@code target} in one atomic step where the file system can, else by a plain move. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target);
    }
  }

  /**
   * Removes a directory tree, deepest first; best effort: what cannot be removed is left (a leftover hidden staging
   * directory is never read).
   */
  public static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Best effort, as documented.
    }
  }
}
