package io.prodline.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Publishes a finished staging directory: every file and directory is flushed to disk, then the directory is
 * renamed into place in one atomic step and the parent flushed. Readers see the whole tree or nothing, even
 * after a power cut, the same write-fsync-rename as {@link io.prodline.core.bundle.BundleWriter}.
 */
public final class Publisher {
  private Publisher() {}

  /** Moves {@code staging} to {@code target}, which must not exist. */
  public static void publish(Path staging, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(staging)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : all) {
        fsync(p, Files.isDirectory(p));
      }
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staging, target);
    }
    fsync(target.getParent(), true);
  }

  /** Removes a staging directory left by a failed or cancelled attempt; best effort. */
  public static void discard(Path staging) {
    if (!Files.exists(staging)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(staging)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // A leftover staging folder is never read: only published, recorded outputs are.
    }
  }

  private static void fsync(Path path, boolean directory) throws IOException {
    try (FileChannel ch = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (IOException e) {
      if (!directory) {
        throw e;
      }
      // Some file systems cannot open a directory to sync it; the rename is still atomic there.
    }
  }
}
