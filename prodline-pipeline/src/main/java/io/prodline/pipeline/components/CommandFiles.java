package io.prodline.pipeline.components;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a command line names, as cache inputs: editing {@code train.py} must retrain even though the command
 * {@code [python3, train.py]} did not change. Every argument that names a regular file (relative to the directory
 * the command starts in, or absolute) joins the cache key: by content up to {@link #MAX_HASHED_BYTES}, by size and
 * modification time above that, so that an argument naming a large data file does not cost a full read on every
 * run. Arguments that name nothing, or a directory, add nothing: a script that imports code from a folder needs
 * {@code cache_version} bumped when that code changes.
 */
final class CommandFiles {
  /** Scripts and configuration files are far smaller; anything larger is data, compared by size and time. */
  static final long MAX_HASHED_BYTES = 1 << 20;

  private CommandFiles() {}

  /** Argument position → fingerprint, e.g. {@code command_file_1 → <SHA-256 of train.py>} for
   * {@code [python3, train.py]}. */
  static Map<String, String> fingerprints(List<String> command, Path directory) {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < command.size(); i++) {
      Path file = named(command.get(i), directory);
      if (file != null) {
        out.put("command_file_" + i, fingerprint(file));
      }
    }
    return out;
  }

  private static Path named(String argument, Path directory) {
    if (argument.isEmpty()) {
      return null;
    }
    try {
      Path file = directory.resolve(argument);
      return Files.isRegularFile(file) ? file : null;
    } catch (InvalidPathException e) {
      return null; // an option or text that cannot be a path
    }
  }

  private static String fingerprint(Path file) {
    try {
      long size = Files.size(file);
      return size <= MAX_HASHED_BYTES ? ContentFingerprint.sha256(file)
          : "size:" + size + ",modified:" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      throw new ProdlineException("cannot read " + file + ", named in the command line: " + e.getMessage(), e);
    }
  }
}
