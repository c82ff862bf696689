package io.prodline.serving.lifecycle;

import io.prodline.core.error.ProdlineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the served versions in line with what the source aspires to, one policy step at a time, and publishes
 * the result as a {@link ServingSnapshot}.
 *
 * <p>A swap under {@link AvailabilityPreservingPolicy}: the new version is loaded and warmed up (state
 * LOADING, not routed to), becomes AVAILABLE and is published, so new requests go to it; then the old one is
 * marked UNLOADING and a snapshot without it is published, its in-flight requests drain (their
 * {@link VersionHandle}s), and only then is it closed (END). Request threads only ever read the volatile snapshot
 * reference; all changes happen on the thread that calls {@link #setAspiredVersions}, one goal at a time.
 */
public final class AspiredVersionsManager implements ServableManager, AspiredVersionsCallback, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AspiredVersionsManager.class);
  private static final long DRAIN_WARNING_SECONDS = 10;

  /** One model's versions and goal; touched only while holding the manager's monitor. */
  private static final class ModelVersions {
    final Map<Long, ServableVersion> versions = new TreeMap<>();
    AspiredModel goal = AspiredModel.NONE;
  }

  private final Loader loader;
  private final AspiredVersionPolicy policy;
  private final VersionListener listener;
  private final Map<String, ModelVersions> models = new TreeMap<>();
  private volatile ServingSnapshot snapshot = ServingSnapshot.EMPTY;

  public AspiredVersionsManager(Loader loader, AspiredVersionPolicy policy) {
    this(loader, policy, VersionListener.NONE);
  }

  /** @param listener hears every load, load failure and unload */
  public AspiredVersionsManager(Loader loader, AspiredVersionPolicy policy, VersionListener listener) {
    this.loader = loader;
    this.policy = policy;
    this.listener = listener;
  }

  @Override
  public ServingSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public synchronized void setAspiredVersions(Map<String, AspiredModel> goal) {
    Set<String> names = new TreeSet<>(models.keySet());
    names.addAll(goal.keySet());
    for (String name : names) {
      AspiredModel wanted = goal.getOrDefault(name, AspiredModel.NONE);
      ModelVersions model = models.computeIfAbsent(name, n -> new ModelVersions());
      for (AspiredVersion v : wanted.versions()) {
        model.versions.compute(v.version(), (n, known) -> loadsAfresh(known)
            ? new ServableVersion(name, n, v.source()) : known);
      }
      model.goal = wanted;
      reconcile(model);
      if (model.versions.isEmpty()) {
        models.remove(name);
      }
    }
    publish();
  }

  /**
   * Whether a wanted version needs a new start: it is new to the manager, or was unloaded (END is final), or failed
   * to load and its files have changed since (a copy finished, a file fixed in place). A failed version whose files
   * are unchanged stays failed rather than failing again at every scan.
   */
  private static boolean loadsAfresh(ServableVersion known) {
    if (known == null || known.state() == VersionState.END) {
      return true;
    }
    if (known.failedAndSourceChanged()) {
      LOG.info("{}: its files changed since it failed to load; loading it again", known);
      return true;
    }
    return false;
  }

  /**
   * Forgets the versions of {@code model} that failed, so that the next goal that aspires to them loads them
   * afresh (e.g. after a bundle was fixed in place).
   */
  public synchronized void forgetFailures(String model) {
    ModelVersions versions = models.get(model);
    if (versions != null) {
      versions.versions.values().removeIf(v -> v.state() == VersionState.ERROR);
      publish();
    }
  }

  private void reconcile(ModelVersions model) {
    while (true) {
      // Unloaded versions stay reported (END) while the source still has them; wanted-no-more ones that never
      // loaded need no action: they just leave.
      model.versions.values().removeIf(v -> (v.state() == VersionState.END
              && !model.goal.notServed().containsKey(v.version()))
          || (!model.goal.aspires(v.version())
              && (v.state() == VersionState.NEW || v.state() == VersionState.ERROR)));
      List<VersionView> views = new ArrayList<>();
      for (ServableVersion v : model.versions.values()) {
        views.add(VersionView.of(v.version(), v.state(), model.goal.aspires(v.version())));
      }
      Optional<VersionAction> action = policy.next(views);
      if (action.isEmpty()) {
        return;
      }
      ServableVersion version = model.versions.get(action.get().version());
      if (version == null) {
        throw new IllegalStateException(policy.getClass().getSimpleName() + " asked to " + action.get()
            + " a version the manager does not have: " + views);
      }
      switch (action.get().kind()) {
        case LOAD -> load(version);
        case UNLOAD -> unload(version);
      }
    }
  }

  private void load(ServableVersion version) {
    version.startLoading();
    publish();
    try {
      version.loaded(loader.load(version.model(), version.version(), version.source()));
      LOG.info("{} is available", version);
      tell(version, () -> listener.loaded(version.model(), version.version(), version.statistics()));
    } catch (ProdlineException e) {
      LOG.warn("{} failed to load: {}", version, e.getMessage());
      version.fail(e.getMessage());
      tell(version, () -> listener.loadFailed(version.model(), version.version(), version.error()));
    } catch (RuntimeException | LinkageError e) {
      // A bug in a runtime or a broken installation: keep the stack trace for whoever fixes it.
      LOG.error("{} failed to load from {}", version, version.source(), e);
      version.fail(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
      tell(version, () -> listener.loadFailed(version.model(), version.version(), version.error()));
    }
    publish();
  }

  private void unload(ServableVersion version) {
    version.moveTo(VersionState.UNLOADING);
    publish();
    awaitDrain(version);
    LoadedModel loaded = version.loaded();
    tell(version, () -> listener.unloading(version.model(), version.version(), loaded));
    try {
      loaded.close();
    } catch (RuntimeException e) {
      LOG.warn("{}: releasing the model failed; unloading anyway", version, e);
    }
    version.moveTo(VersionState.END);
    LOG.info("{} is unloaded", version);
  }

  /** Runs a listener call; its failure is logged, never propagated into the lifecycle. */
  private static void tell(ServableVersion version, Runnable event) {
    try {
      event.run();
    } catch (RuntimeException e) {
      LOG.warn("{}: a lifecycle listener failed", version, e);
    }
  }

  /** Waits, without bound, for the requests still using {@code version}: closing it under them would fail them. */
  private static void awaitDrain(ServableVersion version) {
    var drained = version.startDrain();
    while (true) {
      try {
        drained.get(DRAIN_WARNING_SECONDS, TimeUnit.SECONDS);
        return;
      } catch (TimeoutException e) {
        LOG.warn("{} still has {} requests in flight after {} s; waiting for them before unloading", version,
            version.inFlight(), DRAIN_WARNING_SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while draining " + version, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("draining " + version + " failed", e);
      }
    }
  }

  /** Builds the routing table from the current versions and swaps it in whole. */
  private void publish() {
    Map<String, ModelSnapshot> table = new LinkedHashMap<>();
    models.forEach((name, model) -> {
      if (!model.versions.isEmpty()) {
        table.put(name, new ModelSnapshot(name, List.copyOf(model.versions.values()), model.goal));
      }
    });
    snapshot = new ServingSnapshot(table);
  }

  /** Unloads every version, each after its requests in flight have ended. */
  @Override
  public synchronized void close() {
    setAspiredVersions(Map.of());
  }
}
