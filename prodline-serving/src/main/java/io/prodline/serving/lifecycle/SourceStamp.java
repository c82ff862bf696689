package io.prodline.serving.lifecycle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A version's files as they were when a load of it began: each regular file under its source with its size and
 * modification time. A version that failed to load is tried again once its stamp differs, that is once its files
 * were finished, fixed or touched, and not at every scan: a broken version would otherwise be loaded, and fail,
 * every poll.
 *
 * @param files each file's path relative to the source, with its size and modification time
 */
record SourceStamp(Map<String, FileState> files) {
  /** The stamp of a source that cannot be read (gone, or not readable): equal to every other such stamp. */
  static final SourceStamp UNREADABLE = new SourceStamp(Map.of());

  /** One file's size and modification time. */
  record FileState(long size, FileTime modified) {}

  SourceStamp {
    files = Map.copyOf(files);
  }

  /** The stamp of {@code source} (a directory, or a single file) now; {@link #UNREADABLE} when it cannot be read. */
  static SourceStamp of(Path source) {
    Map<String, FileState> files = new HashMap<>();
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (attributes.isRegularFile()) {
            files.put(source.relativize(file).toString(), new FileState(attributes.size(),
                attributes.lastModifiedTime()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a file removed while walking: the next stamp tells
        }
      });
    } catch (IOException e) {
      return UNREADABLE;
    }
    return new SourceStamp(files);
  }
}
