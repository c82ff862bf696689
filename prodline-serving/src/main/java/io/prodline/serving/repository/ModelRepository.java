package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models found under a root directory laid out as TensorFlow Serving expects: {@code ROOT/<name>/<version>/}
 * where {@code <version>} is a positive integer directory holding a bundle. Everything is loaded once by
 * {@link #scan}; afterwards the repository is immutable and safe to read from any thread.
 *
 * <p>Entries that are not part of that layout (files, hidden directories such as a writer's staging directory,
 * non-numeric version names) are skipped with a warning rather than treated as errors, so a half-copied or
 * annotated repository still starts.
 */
public final class ModelRepository implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);
  /** Canonical positive integers only: "007" and "7" must not both claim version 7. */
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private final Map<String, ServedModel> models;

  private ModelRepository(Map<String, ServedModel> models) {
    this.models = Collections.unmodifiableMap(models);
  }

  /**
   * Loads every version of every model under {@code root}. Only an unreadable root is an error; a version that
   * fails to load is recorded as failed.
   */
  public static ModelRepository scan(Path root) {
    if (!Files.isDirectory(root)) {
      throw new ProdlineException("model repository " + root + " is not a directory; expected ROOT/<name>/<version>/");
    }
    Map<String, ServedModel> models = new TreeMap<>();
    for (Path modelDir : subdirectories(root)) {
      String name = modelDir.getFileName().toString();
      List<ModelVersion> versions = new ArrayList<>();
      for (Path versionDir : subdirectories(modelDir)) {
        String dirName = versionDir.getFileName().toString();
        if (VERSION.matcher(dirName).matches()) {
          versions.add(VersionLoader.load(name, Long.parseLong(dirName), versionDir));
        } else {
          LOG.warn("ignoring {}: a version directory must be named by a positive integer", versionDir);
        }
      }
      if (versions.isEmpty()) {
        LOG.warn("ignoring {}: it has no version directories", modelDir);
      } else {
        models.put(name, new ServedModel(name, versions));
      }
    }
    if (models.isEmpty()) {
      LOG.warn("model repository {} holds no models", root);
    }
    return new ModelRepository(models);
  }

  private static List<Path> subdirectories(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> {
            if (Files.isDirectory(p)) {
              return true;
            }
            LOG.warn("ignoring {}: not a directory", p);
            return false;
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The model names, sorted. */
  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  /** The model of that name; {@link ModelNotFoundException} naming the known models when there is none. */
  public ServedModel model(String name) {
    ServedModel model = models.get(name);
    if (model == null) {
      throw new ModelNotFoundException("model '" + name + "' not found; this server has " + names());
    }
    return model;
  }

  /** Releases every loaded model's runtime. */
  @Override
  public void close() {
    for (ServedModel model : models.values()) {
      for (ModelVersion v : model.versions()) {
        if (v.isAvailable()) {
          v.predictor().close();
        }
      }
    }
  }
}
