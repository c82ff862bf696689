package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.AspiredVersionsCallback;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of a model repository directory: each {@link #scan()} lists {@code ROOT/<name>/<version>/}, reads
 * the model config file again, and states to the callback every version that should be served (see
 * {@link AspiredModels}). Calling it every few seconds is what "polling" means; calling it once is one-shot mode.
 *
 * <p>A config file that became invalid after start-up is logged and the last good one kept, so a typo made while
 * the server runs does not unload anything. Models the config file does not name take the version policy and
 * dynamic batching of their Triton {@code config.pbtxt}, when they have one ({@link TritonConfigFile}). A TF Serving
 * config file serves only the models it lists ({@link RepositoryConfig#served}); a configuration sent through
 * {@link #replaceConfig} stands in for the file until restart. One scan at a time.
 */
public final class RepositorySource {
  private static final Logger LOG = LoggerFactory.getLogger(RepositorySource.class);

  private final Path root;
  private final VersionDirectories directories;
  /** The config file given, or {@code null} for {@code ROOT/models.yaml} whenever it exists. */
  private final Path givenConfigFile;
  private final Path defaultConfigFile;
  /** Whether the config in force was read from {@link #defaultConfigFile}; scan thread only after start. */
  private boolean readDefaultConfigFile;
  private final ServingOverrides overrides;
  private final AspiredVersionsCallback callback;
  private volatile RepositoryConfig config;
  /** The configuration that stands in for the config file until restart ({@link #replaceConfig}), or null. */
  private volatile RepositoryConfig replacement;
  /** The config file's settings, with those of models it leaves out taken from their Triton config.pbtxt. */
  private volatile RepositoryConfig effective;
  /** The config problem last logged, so that a lasting one is logged once; null when the config is valid. */
  private String configProblem;
  /** Each model's config.pbtxt as last read, so a file is read again only once it changed; scan thread only. */
  private final Map<String, TritonConfigRead> tritonConfigs = new HashMap<>();
  /** Models whose config.pbtxt the config file overrides, told once; scan thread only. */
  private final Set<String> overriddenTritonConfigs = new HashSet<>();
  private volatile Map<String, NavigableMap<Long, Path>> lastSeen = Map.of();
  private final AbsentVersionWarnings absentVersions = new AbsentVersionWarnings();

  /**
   * Reads the config file once, so that an invalid one fails the start.
   *
   * @param configFile the model config file, or {@code null} for {@code ROOT/models.yaml}, read whenever it exists:
   *     one added after start is read at the next scan, and once it is removed the models are served with no config
   */
  public RepositorySource(Path root, Path configFile, ServingOverrides overrides, AspiredVersionsCallback callback) {
    this.root = root;
    this.directories = new VersionDirectories(root);
    this.givenConfigFile = configFile;
    this.defaultConfigFile = root.resolve(ModelConfigFile.DEFAULT_NAME);
    this.overrides = overrides;
    this.callback = callback;
    Path file = configFile();
    this.config = file == null ? RepositoryConfig.EMPTY : ModelConfigFile.read(file, root);
    this.readDefaultConfigFile = configFile == null && file != null;
    this.effective = config;
  }

  /** The config file to read now: the one given, else the default one when it exists; {@code null} for none. */
  private Path configFile() {
    if (givenConfigFile != null) {
      return givenConfigFile;
    }
    return Files.isRegularFile(defaultConfigFile) ? defaultConfigFile : null;
  }

  /** Lists the repository and states the goal; returns when the resulting loads and unloads are done. */
  public synchronized void scan() {
    refreshConfig();
    Map<String, NavigableMap<Long, Path>> onDisk = config.served(directories.list());
    lastSeen = onDisk;
    effective = withTritonConfigs(onDisk.keySet());
    absentVersions.check(onDisk, effective);
    callback.setAspiredVersions(AspiredModels.of(onDisk, effective, overrides));
  }

  /**
   * The config file's settings, plus, for each model it does not name, the version policy of the model's Triton
   * {@code config.pbtxt} when it has one: a Triton repository keeps its policies unless the config file says otherwise.
   */
  private RepositoryConfig withTritonConfigs(Set<String> models) {
    Map<String, ModelSettings> settings = new HashMap<>(config.models());
    tritonConfigs.keySet().retainAll(models);
    overriddenTritonConfigs.retainAll(config.models().keySet());
    for (String model : models) {
      Path file = root.resolve(model).resolve(TritonConfigFile.NAME);
      if (settings.containsKey(model)) {
        // Looked for only until told: a model the config file names needs no look at its config.pbtxt per poll.
        if (!overriddenTritonConfigs.contains(model) && regularFile(file) != null) {
          overriddenTritonConfigs.add(model);
          LOG.info("model '{}': the model config file names it, so its {} is not read", model, file);
        }
        continue;
      }
      BasicFileAttributes found = regularFile(file);
      if (found == null) {
        tritonConfigs.remove(model);
        continue;
      }
      TritonConfigRead read = tritonConfigs.get(model);
      if (read == null || !read.isOf(found)) {
        read = TritonConfigRead.of(model, file, found, read);
        tritonConfigs.put(model, read);
      }
      read.settings().ifPresent(given -> settings.put(model, given));
    }
    return new RepositoryConfig(settings, config.listedOnly());
  }

  /** The attributes of {@code file} when it is a regular file, in one look; {@code null} otherwise. */
  private static BasicFileAttributes regularFile(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile() ? attributes : null;
    } catch (IOException e) {
      return null; // not there (or not readable, which reading it would then say): no Triton configuration
    }
  }

  /**
   * Serves {@code config} from the next scan on, in place of the model config file, which is no longer read until
   * the server restarts (TF Serving's {@code HandleReloadConfigRequest}).
   */
  public void replaceConfig(RepositoryConfig config) {
    replacement = config;
  }

  private void refreshConfig() {
    if (replacement != null) {
      config = replacement;
      return;
    }
    Path configFile = configFile();
    if (configFile == null) {
      if (readDefaultConfigFile) {
        // The default file is optional: removing it is how its settings are dropped.
        LOG.warn("model config {} was removed; serving every model without one (its config.pbtxt, else latest 1)",
            defaultConfigFile);
        config = RepositoryConfig.EMPTY;
        readDefaultConfigFile = false;
        configProblem = null;
      }
      return;
    }
    if (!Files.exists(configFile)) {
      reportConfigProblem("model config " + configFile + " has disappeared; keeping the last one read");
      return;
    }
    try {
      config = ModelConfigFile.read(configFile, root);
      if (givenConfigFile == null && !readDefaultConfigFile) {
        LOG.info("model config {} found; its settings apply from now", configFile);
        readDefaultConfigFile = true;
      }
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

  /**
   * A model's config.pbtxt as read at one modification: the settings it gives (version policy, dynamic batching),
   * kept while the file is unchanged. A file that cannot be used is logged once and the settings read before it kept.
   */
  private record TritonConfigRead(FileTime modified, long size, Optional<ModelSettings> settings) {
    static TritonConfigRead of(String model, Path file, BasicFileAttributes found, TritonConfigRead previous) {
      try {
        TritonConfigFile.Settings read = TritonConfigFile.read(file);
        LOG.info("model '{}': version policy {}{} from {}{}", model,
            read.versionPolicy().map(Object::toString).orElse(VersionPolicy.DEFAULT + " (none given)"),
            read.batching().map(b -> ", dynamic batching " + b).orElse(""), file,
            read.ignored().isEmpty() ? "" : "; not taken from it: " + String.join(", ", read.ignored()));
        return new TritonConfigRead(found.lastModifiedTime(), found.size(), read.modelSettings());
      } catch (ProdlineException e) {
        Optional<ModelSettings> kept = previous == null ? Optional.empty() : previous.settings();
        LOG.error("model '{}': {}; keeping the settings read before ({})", model, e.getMessage(),
            kept.map(k -> "version policy " + k.versionPolicy() + k.batching().map(b -> ", batching " + b).orElse(""))
                .orElse("none: version policy " + VersionPolicy.DEFAULT));
        return new TritonConfigRead(found.lastModifiedTime(), found.size(), kept);
      }
    }

    /** Whether the file, as {@code found} now, is still what was read. */
    boolean isOf(BasicFileAttributes found) {
      return found.lastModifiedTime().equals(modified) && found.size() == size;
    }
  }

  /** The settings now in force for {@code model}. */
  public ModelSettings settings(String model) {
    return effective.settings(model);
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
