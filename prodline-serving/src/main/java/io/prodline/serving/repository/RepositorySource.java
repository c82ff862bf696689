package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.AspiredVersionsCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of a model repository directory: each {@link #scan()} lists {@code ROOT/<name>/<version>/}, reads
 * the model config file again, and states to the callback every version that should be served (see
 * {@link AspiredModels}). Calling it every few seconds is what "polling" means; calling it once is one-shot mode.
 *
 * <p>A config file that became invalid after start-up is logged and the last good one kept, so a typo made while
 * the server runs does not unload anything. One scan at a time.
 */
public final class RepositorySource {
  private static final Logger LOG = LoggerFactory.getLogger(RepositorySource.class);

  private final VersionDirectories directories;
  private final Path configFile;
  private final ServingOverrides overrides;
  private final AspiredVersionsCallback callback;
  private volatile RepositoryConfig config;
  /** The config problem last logged, so that a lasting one is logged once; null when the config is valid. */
  private String configProblem;
  private volatile Map<String, NavigableMap<Long, Path>> lastSeen = Map.of();

  /**
   * Reads the config file once, so that an invalid one fails the start.
   *
   * @param configFile the model config file, or {@code null} for none
   */
  public RepositorySource(Path root, Path configFile, ServingOverrides overrides, AspiredVersionsCallback callback) {
    this.directories = new VersionDirectories(root);
    this.configFile = configFile;
    this.overrides = overrides;
    this.callback = callback;
    this.config = configFile == null ? RepositoryConfig.EMPTY : ModelConfigFile.read(configFile);
  }

  /** Lists the repository and states the goal; returns when the resulting loads and unloads are done. */
  public synchronized void scan() {
    refreshConfig();
    Map<String, NavigableMap<Long, Path>> onDisk = directories.list();
    lastSeen = onDisk;
    callback.setAspiredVersions(AspiredModels.of(onDisk, config, overrides));
  }

  private void refreshConfig() {
    if (configFile == null) {
      return;
    }
    if (!Files.exists(configFile)) {
      reportConfigProblem("model config " + configFile + " has disappeared; keeping the last one read");
      return;
    }
    try {
      config = ModelConfigFile.read(configFile);
      if (configProblem != null) {
        LOG.info("model config {} is valid again", configFile);
        configProblem = null;
      }
    } catch (ProdlineException e) {
      reportConfigProblem("ignoring the changed model config, keeping the last valid one: " + e.getMessage());
    }
  }

  /** Logs a config problem once, not at every poll while it lasts. */
  private void reportConfigProblem(String problem) {
    if (!problem.equals(configProblem)) {
      LOG.error(problem);
      configProblem = problem;
    }
  }

  /** The settings now in force for {@code model}. */
  public ModelSettings settings(String model) {
    return config.settings(model);
  }

  /** The models the last scan found on disk, loaded or not, sorted. */
  public NavigableSet<String> modelsOnDisk() {
    return new TreeSet<>(lastSeen.keySet());
  }

  /** The versions of {@code model} the last scan found on disk, ascending; empty when none. */
  public NavigableSet<Long> versionsOnDisk(String model) {
    NavigableMap<Long, Path> versions = lastSeen.get(model);
    return versions == null ? new TreeSet<>() : new TreeSet<>(versions.navigableKeySet());
  }
}
