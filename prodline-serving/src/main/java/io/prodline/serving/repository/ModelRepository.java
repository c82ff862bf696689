package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.ModelBatching;
import io.prodline.serving.lifecycle.AspiredVersionsManager;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.lifecycle.VersionListener;
import io.prodline.serving.lifecycle.VersionSelector;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models under a directory laid out as TensorFlow Serving expects, {@code ROOT/<name>/<version>/}, kept in
 * step with it: a {@link RepositorySource} scanned at start and then every poll interval, feeding an
 * {@link AspiredVersionsManager}. Also carries out the management actions (reload, unload, rollback, labels),
 * which go through the same scan so that the source's statement stays the one truth.
 *
 * <p>Scans and actions run one at a time on the {@code prodline-lifecycle} thread; request threads only read
 * snapshots and take handles, never waiting for it.
 */
public final class ModelRepository implements ServableManager, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRepository.class);

  private final Path root;
  private final AspiredVersionsManager manager;
  private final RepositorySource source;
  private final ServingOverrides overrides = new ServingOverrides();
  private final ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread t = new Thread(task, "prodline-lifecycle");
    t.setDaemon(true);
    return t;
  });

  private ModelRepository(Path root, RepositoryOptions options, VersionListener listener) {
    this.root = root;
    this.manager = new AspiredVersionsManager(new VersionLoader(this::warmup), options.swapPolicy(), listener);
    this.source = new RepositorySource(root, options.modelConfig(), overrides, manager);
  }

  /** The warm-up settings in force for {@code model}; read by the loader when a version loads. */
  private WarmupSettings warmup(String model) {
    return source.settings(model).warmup();
  }

  /**
   * Loads what {@code root} holds now, then keeps following it every {@code options.pollInterval()}.
   *
   * @throws ProdlineException when the root is not a directory or the model config file is invalid
   */
  public static ModelRepository open(Path root, RepositoryOptions options) {
    return open(root, options, VersionListener.NONE);
  }

  /**
   * Like {@link #open(Path, RepositoryOptions)}, telling {@code listener} of every load, load failure and unload,
   * those of the first scan included.
   */
  public static ModelRepository open(Path root, RepositoryOptions options, VersionListener listener) {
    ModelRepository repository = new ModelRepository(root, options, listener);
    try {
      repository.source.scan();
    } catch (RuntimeException e) {
      repository.close();
      throw e;
    }
    if (!options.pollInterval().isZero()) {
      long millis = options.pollInterval().toMillis();
      repository.lifecycle.scheduleWithFixedDelay(repository::poll, millis, millis, TimeUnit.MILLISECONDS);
    }
    return repository;
  }

  /** Loads what {@code root} holds now and never looks again (one-shot mode). */
  public static ModelRepository scan(Path root) {
    return open(root, RepositoryOptions.oneShot());
  }

  /** One scheduled scan; a failure is logged and the next poll tries again, so the watcher never dies. */
  private void poll() {
    try {
      source.scan();
    } catch (RuntimeException e) {
      LOG.error("scanning the model repository failed; trying again at the next poll: {}", e.getMessage(), e);
    }
  }

  @Override
  public ServingSnapshot snapshot() {
    return manager.snapshot();
  }

  /** The model's {@code allow_nan} in the config file as last read. */
  @Override
  public Optional<Boolean> allowNaN(String model) {
    return source.settings(model).allowNaN();
  }

  /** The model's own batching in the config file or its config.pbtxt as last read. */
  @Override
  public Optional<ModelBatching> batching(String model) {
    return source.settings(model).batching();
  }

  /** The model's prediction log sampling in the config file as last read. */
  @Override
  public Optional<Double> logSampling(String model) {
    return source.settings(model).logSampling();
  }

  /** The served model names, sorted. */
  public List<String> names() {
    return snapshot().names();
  }

  /** The version a pin (from {@link #rollback}) holds {@code model} to, if any. */
  public OptionalLong pinned(String model) {
    return overrides.pinned(model);
  }

  /** Scans now: retries {@code model}'s failed versions and brings back versions unloaded through the API. */
  public CompletableFuture<Void> reload(String model) {
    return act(() -> {
      requireOnDisk(model);
      overrides.clearUnloaded(model);
      manager.forgetFailures(model);
    });
  }

  /** The repository directory. */
  public Path root() {
    return root;
  }

  /**
   * Serves {@code config} in place of the model config file until the server restarts, and scans; completes when
   * the resulting loads and unloads are done.
   */
  public CompletableFuture<Void> replaceConfig(RepositoryConfig config) {
    return act(() -> source.replaceConfig(config));
  }

  /** The models in the repository directory as the last scan found them, loaded or not, sorted. */
  public List<String> modelsOnDisk() {
    return List.copyOf(source.modelsOnDisk());
  }

  /** Unloads every version of {@code model} and keeps them unloaded until {@link #reload}. */
  public CompletableFuture<Void> unloadAll(String model) {
    return act(() -> {
      for (long version : requireOnDisk(model)) {
        overrides.unload(model, version);
      }
    });
  }

  /** Unloads one version and keeps it unloaded until {@link #reload}. */
  public CompletableFuture<Void> unload(String model, long version) {
    return act(() -> {
      snapshot().model(model).status(VersionSelector.number(version));
      overrides.unload(model, version);
    });
  }

  /**
   * Serves the newest version older than the default one, and only it (plus labelled versions, which answer only
   * requests naming them), until {@link #unpin}: the version policy is pinned, so newer versions on disk are not
   * loaded meanwhile.
   */
  public CompletableFuture<Void> rollback(String model) {
    return act(() -> {
      OptionalLong current = snapshot().model(model).defaultVersion();
      if (current.isEmpty()) {
        throw new ActionRefusedException("model '" + model + "' has no available version to roll back from");
      }
      Long previous = requireOnDisk(model).lower(current.getAsLong());
      if (previous == null) {
        throw new ActionRefusedException("model '" + model + "' has no version older than "
            + current.getAsLong() + " on disk to roll back to");
      }
      overrides.pin(model, previous);
      LOG.info("model '{}' rolled back from version {} to {}; pinned until cleared", model, current.getAsLong(),
          previous);
    });
  }

  /** Drops the pin of a rollback: the version policy applies again. */
  public CompletableFuture<Void> unpin(String model) {
    return act(() -> {
      requireOnDisk(model);
      overrides.unpin(model);
    });
  }

  /** Points {@code label} at {@code version} (loading it if needed) until the server restarts. */
  public CompletableFuture<Void> label(String model, String label, long version) {
    return act(() -> {
      if (!RepositoryConfig.LABEL.matcher(label).matches()) {
        throw new ProdlineException("label '" + label + "' must match " + RepositoryConfig.LABEL.pattern());
      }
      if (!requireOnDisk(model).contains(version)) {
        throw new ModelNotFoundException("model '" + model + "' has no version " + version + " on disk; its "
            + "versions are " + source.versionsOnDisk(model).descendingSet());
      }
      overrides.label(model, label, version);
    });
  }

  /**
   * Removes a label set through {@link #label}; a version loaded only for it is unloaded. A label the model
   * config file sets is refused: the file is re-read at every scan, so it would come back at once.
   */
  public CompletableFuture<Void> removeLabel(String model, String label) {
    return act(() -> {
      requireOnDisk(model);
      if (source.settings(model).labels().containsKey(label)) {
        throw new ActionRefusedException("label '" + label + "' of model '" + model + "' is set in the model "
            + "config file; remove it there, the file is re-read at every scan");
      }
      if (!overrides.removeLabel(model, label)) {
        throw new ModelNotFoundException("model '" + model + "' has no label '" + label + "'; its labels are "
            + new TreeSet<>(overrides.labels(model, source.settings(model).labels()).keySet()));
      }
    });
  }

  /**
   * Runs {@code change} and a scan on the lifecycle thread; completes when the resulting loads and unloads are
   * done, so that the snapshot then shows the outcome.
   */
  private CompletableFuture<Void> act(Runnable change) {
    return CompletableFuture.runAsync(() -> {
      change.run();
      source.scan();
    }, lifecycle);
  }

  private NavigableSet<Long> requireOnDisk(String model) {
    NavigableSet<Long> versions = source.versionsOnDisk(model);
    if (versions.isEmpty()) {
      throw new ModelNotFoundException("model '" + model + "' not found in the repository; it has "
          + snapshot().names());
    }
    return versions;
  }

  /** Stops polling, then unloads every version once its requests in flight have ended. */
  @Override
  public void close() {
    // Interrupted: a version loading now, or warming up for minutes, is given up rather than waited for, so that a
    // stop keeps to its drain timeout (Kubernetes kills the pod after its grace period).
    lifecycle.shutdownNow();
    try {
      if (!lifecycle.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("a version load is still running 10 s after the stop began; unloading anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    manager.close();
  }
}
