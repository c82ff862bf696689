package io.prodline.metadata.store;

import java.util.EnumSet;

/**
 * The published lifecycle of an execution. Legal moves, enforced by {@link #canMoveTo}:
 * <pre>
 *   NEW ──► RUNNING ──► COMPLETE | FAILED | CANCELED
 *    ├────► CACHED     (a cache hit: outputs reused from an earlier COMPLETE execution)
 *    └────► CANCELED
 * </pre>
 * COMPLETE, FAILED, CACHED and CANCELED are final.
 */
public enum ExecutionState {
  NEW,
  RUNNING,
  COMPLETE,
  FAILED,
  CACHED,
  CANCELED;

  /** Whether an execution in this state may be moved to {@code next}. */
  public boolean canMoveTo(ExecutionState next) {
    return switch (this) {
      case NEW -> EnumSet.of(RUNNING, CACHED, CANCELED).contains(next);
      case RUNNING -> EnumSet.of(COMPLETE, FAILED, CANCELED).contains(next);
      default -> false;
    };
  }
}
