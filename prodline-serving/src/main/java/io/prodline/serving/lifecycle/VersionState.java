package io.prodline.serving.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a model version is in its life. The legal transitions, enforced by {@link #checkTransition}:
 * <pre>
 *   NEW ──► LOADING ──► AVAILABLE ──► UNLOADING ──► END
 *    └─────────┴────────────┴─────────────┴───────► ERROR
 * </pre>
 * Only {@link #AVAILABLE} versions take requests. {@link #END} and {@link #ERROR} are final: a version that
 * comes back on disk or is reloaded starts again as a new {@link #NEW} version.
 */
public enum VersionState {
  /** Aspired, not yet loading. */
  NEW,
  /** Being loaded and warmed up; not serving yet. */
  LOADING,
  /** Loaded and serving. */
  AVAILABLE,
  /** No longer routed to; waiting for the requests in flight, then released. */
  UNLOADING,
  /** Released. */
  END,
  /** Failed to load (or broke later); kept, with the reason, so the status API can say why it is not serving. */
  ERROR;

  /** The states each state may move to; ERROR is reachable from every non-final state. */
  private Set<VersionState> next() {
    return switch (this) {
      case NEW -> EnumSet.of(LOADING, ERROR);
      case LOADING -> EnumSet.of(AVAILABLE, ERROR);
      case AVAILABLE -> EnumSet.of(UNLOADING, ERROR);
      case UNLOADING -> EnumSet.of(END, ERROR);
      case END, ERROR -> EnumSet.noneOf(VersionState.class);
    };
  }

  /** Whether a version in this state may move to {@code target}. */
  public boolean canMoveTo(VersionState target) {
    return next().contains(target);
  }

  /**
   * The one place transitions are checked.
   *
   * @throws IllegalStateException naming the version and both states when the move is not legal
   */
  public void checkTransition(VersionState target, String subject) {
    if (!canMoveTo(target)) {
      throw new IllegalStateException(subject + " cannot move from " + this + " to " + target + "; from " + this
          + " it may only move to " + next());
    }
  }

  /** Whether the version is done with: it will never serve again. */
  public boolean isFinal() {
    return this == END || this == ERROR;
  }
}
