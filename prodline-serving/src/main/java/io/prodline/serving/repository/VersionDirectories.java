package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the layout of a model repository, {@code ROOT/<name>/<version>/} with {@code <version>} a positive
 * integer, into model → version → directory. Only lists directories; loading is the loader's job.
 *
 * <p>Entries that are not part of that layout (files, hidden directories such as a writer's staging directory,
 * non-numeric version names) are skipped rather than treated as errors, so a half-copied or annotated repository
 * still serves. They are logged once per distinct entry, not on every poll.
 */
final class VersionDirectories {
  private static final Logger LOG = LoggerFactory.getLogger(VersionDirectories.class);
  /** Canonical positive integers only: "007" and "7" must not both claim version 7. */
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private final Path root;
  private final Set<Path> reported = ConcurrentHashMap.newKeySet();

  VersionDirectories(Path root) {
    this.root = root;
  }

  /** Every model with at least one version directory, by name; each model's versions ascending. */
  Map<String, NavigableMap<Long, Path>> list() {
    if (!Files.isDirectory(root)) {
      throw new ProdlineException("model repository " + root + " is not a directory; expected ROOT/<name>/<version>/");
    }
    Map<String, NavigableMap<Long, Path>> models = new TreeMap<>();
    for (Path modelDir : subdirectories(root)) {
      NavigableMap<Long, Path> versions = new TreeMap<>();
      for (Path versionDir : subdirectories(modelDir)) {
        String dirName = versionDir.getFileName().toString();
        if (VERSION.matcher(dirName).matches()) {
          versions.put(Long.parseLong(dirName), versionDir);
        } else {
          skip(versionDir, "a version directory must be named by a positive integer");
        }
      }
      if (versions.isEmpty()) {
        skip(modelDir, "it has no version directories");
      } else {
        models.put(modelDir.getFileName().toString(), versions);
      }
    }
    return models;
  }

  private List<Path> subdirectories(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> {
            if (Files.isDirectory(p)) {
              return true;
            }
            String name = p.getFileName().toString();
            if (!name.equals(ModelConfigFile.DEFAULT_NAME) && !name.equals(TritonConfigFile.NAME)) {
              skip(p, "not a directory");
            }
            return false;
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private void skip(Path entry, String why) {
    if (reported.add(entry)) {
      LOG.warn("ignoring {}: {}", entry, why);
    }
  }
}
