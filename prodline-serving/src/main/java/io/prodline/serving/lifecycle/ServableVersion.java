package io.prodline.serving.lifecycle;

import io.prodline.serving.statistics.VersionStatistics;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One version of one model through its life: its {@link VersionState}, the {@link LoadedModel} and, when it
 * failed, why. Also counts the requests using it, so that it is released only after the last one ends.
 *
 * <p>Threads: the state is changed by the manager only (one thread at a time); request threads only call
 * {@link #tryAcquire()} and, through the handle, release. Both are lock-free: the in-flight count and a
 * "closing" flag share one atomic integer, so once {@link #startDrain()} has run no new request can get in and
 * the drain completes exactly when the count reaches zero.
 */
public final class ServableVersion {
  /** Set in {@link #refs} once draining started: no acquisition succeeds after it. */
  private static final int CLOSING = 1 << 30;

  private final String model;
  private final long version;
  private final Path source;
  private final AtomicInteger refs = new AtomicInteger();
  private final CompletableFuture<Void> drained = new CompletableFuture<>();
  private volatile VersionState state = VersionState.NEW;
  private volatile LoadedModel loaded;
  private volatile String error;
  /** Its files when its last load began; {@code null} until then. Manager thread only. */
  private SourceStamp loadedFrom;
  private final VersionStatistics statistics = new VersionStatistics();

  ServableVersion(String model, long version, Path source) {
    this.model = Objects.requireNonNull(model, "model");
    this.version = version;
    this.source = Objects.requireNonNull(source, "source");
  }

  public String model() {
    return model;
  }

  public long version() {
    return version;
  }

  /** Where the version is loaded from. */
  public Path source() {
    return source;
  }

  public VersionState state() {
    return state;
  }

  /** Why the version is in {@link VersionState#ERROR}; {@code null} otherwise. */
  public String error() {
    return error;
  }

  /** The loaded model; {@code null} unless loaded. Request code gets it through a {@link VersionHandle}. */
  LoadedModel loaded() {
    return loaded;
  }

  /** Moves to {@code target}; {@link IllegalStateException} when the transition is not legal. */
  void moveTo(VersionState target) {
    state.checkTransition(target, this.toString());
    state = target;
  }

  /** NEW → LOADING, noting what its files are now ({@link #failedAndSourceChanged}). */
  void startLoading() {
    loadedFrom = SourceStamp.of(source);
    moveTo(VersionState.LOADING);
  }

  /**
   * Whether the version failed to load and its files have changed since that load began: then it is worth
   * loading again (the files were being copied, or were fixed in place).
   */
  boolean failedAndSourceChanged() {
    return state == VersionState.ERROR && loadedFrom != null && !loadedFrom.equals(SourceStamp.of(source));
  }

  /** LOADING → AVAILABLE with the loaded model. */
  void loaded(LoadedModel model) {
    loaded = Objects.requireNonNull(model, "model");
    moveTo(VersionState.AVAILABLE);
  }

  /** Any state → ERROR with the reason. */
  void fail(String reason) {
    error = Objects.requireNonNull(reason, "reason");
    moveTo(VersionState.ERROR);
  }

  /** A handle for one request, or {@code null} when the version started draining (look it up again). */
  VersionHandle tryAcquire() {
    while (true) {
      int current = refs.get();
      if ((current & CLOSING) != 0) {
        return null;
      }
      if (refs.compareAndSet(current, current + 1)) {
        return new VersionHandle(this);
      }
    }
  }

  void release() {
    if (refs.decrementAndGet() == CLOSING) {
      drained.complete(null);
    }
  }

  /**
   * Refuses new acquisitions from now on; the future completes when the requests in flight have ended. Call after
   * a snapshot without this version is published, so that lookups retried by refused requests find another.
   */
  CompletableFuture<Void> startDrain() {
    if (refs.getAndUpdate(c -> c | CLOSING) == 0) {
      drained.complete(null);
    }
    return drained;
  }

  /** What the version's requests did, from its load on. */
  VersionStatistics statistics() {
    return statistics;
  }

  /** Requests using the version right now. */
  public int inFlight() {
    return refs.get() & ~CLOSING;
  }

  @Override
  public String toString() {
    return "model '" + model + "' version " + version;
  }
}
