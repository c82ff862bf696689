package io.prodline.core.fs;

import io.prodline.core.error.ProdlineException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    Path absolute = target.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
      return new AtomicFile(target, temp, new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
    } catch (IOException e) {
      throw new ProdlineException(target + ": cannot write here: " + e.getMessage(), e);
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
