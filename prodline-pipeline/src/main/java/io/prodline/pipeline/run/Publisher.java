package io.prodline.pipeline.run;

import io.prodline.core.fs.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        AtomicFiles.fsync(p, Files.isDirectory(p));
      }
    }
    Files.createDirectories(target.getParent());
    AtomicFiles.move(staging, target);
    AtomicFiles.fsync(target.getParent(), true);
  }

  /** Removes a staging directory left by a failed or cancelled attempt; best effort. */
  public static void discard(Path staging) {
    AtomicFiles.deleteRecursively(staging);
  }
}
