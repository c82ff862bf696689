package io.prodline.core.fs;

import io.prodline.core.error.ProdlineException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears complete or not at all: bytes go to a hidden temporary file beside the target, which
 * {@link #commit()} renames over it in one step. Closing without committing deletes the temporary file, so a failed
 * or interrupted run never leaves a half-written file that a later job could take for a result.
 */
public final class AtomicFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final OutputStream out;
  private boolean committed;

  private AtomicFile(Path target, Path temp, OutputStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  public static AtomicFile create(Path target) {
    Path temp = temporarySibling(target, ".partial");
    try {
      return new AtomicFile(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new ProdlineException(target + ": cannot write here: " + e.getMessage(), e);
    }
  }

  /**
   * A new empty hidden file beside {@code target}, named after it with {@code suffix}, for writing what will be moved
   * over it. Its permissions are what any new file gets (the umask's: readable by others where that is the rule,
   * unlike {@link Files#createTempFile}'s owner-only 0600), or the target's when it replaces one, so a replaced
   * output keeps the permissions its readers rely on. Creates missing folders.
   */
  public static Path temporarySibling(Path target, String suffix) {
    Path absolute = target.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temp;
      while (true) {
        temp = absolute.resolveSibling("." + absolute.getFileName() + "." + Long.toUnsignedString(
            ThreadLocalRandom.current().nextLong(), 36) + suffix);
        try {
          Files.createFile(temp);
          break;
        } catch (FileAlreadyExistsException taken) {
          // another writer's name: draw again
        }
      }
      try {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(absolute));
      } catch (NoSuchFileException | UnsupportedOperationException e) {
        // no file to replace, or no POSIX permissions here: the new file's own permissions stand
      }
      return temp;
    } catch (IOException e) {
      throw new ProdlineException(target + ": cannot write here: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: a hidden leftover is never read
    }
  }

  /** Writes a file at the path it is given; for writers that take a path, not a stream (a database's COPY). */
  @FunctionalInterface
  public interface PathWriter {
    void write(Path file) throws IOException;
  }

  /**
   * Has {@code writer} write the whole file at a temporary path beside {@code target}, then moves it into place as
   * {@link #commit} does; on any failure the temporary file is deleted and nothing appears.
   */
  public static void write(Path target, PathWriter writer) {
    try (AtomicFile file = create(target)) {
      file.out.close();
      writer.write(file.temp);
      file.commit();
    } catch (IOException e) {
      throw new ProdlineException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  public OutputStream stream() {
    return out;
  }

  /** Flushes the finished file to disk and moves it into place, replacing any earlier one. */
  public void commit() {
    try {
      out.close();
      AtomicFiles.fsync(temp, false);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      committed = true;
    } catch (IOException e) {
      throw new ProdlineException(target + ": cannot finish writing: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      out.close();
    } catch (IOException ignored) {
      // The run already failed; the temporary file goes either way.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      throw new ProdlineException(temp + ": cannot delete the unfinished output: " + e.getMessage(), e);
    }
  }
}
