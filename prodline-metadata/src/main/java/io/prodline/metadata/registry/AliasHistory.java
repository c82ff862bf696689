package io.prodline.metadata.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Where a rollback takes an alias, worked out from the model's history alone: a pure function, so the answer
 * does not depend on anything but the record.
 *
 * <p>The history of one alias is replayed as a stack: SET_ALIAS pushes the new version, ROLLBACK_ALIAS pops,
 * REMOVE_ALIAS empties it (an alias removed on purpose does not come back). The rollback target is the entry
 * under the top. So v1 → v2 → v3, rollback, rollback gives v2 then v1, and a rollback is never rolled "forward".
 */
public final class AliasHistory {
  private AliasHistory() {}

  /** The version {@code alias} should move back to, or empty when it has no earlier version. */
  public static Optional<Integer> rollbackTarget(String alias, List<HistoryEntry> history) {
    Deque<Integer> stack = new ArrayDeque<>();
    for (HistoryEntry entry : history) {
      if (!alias.equals(entry.subject())) {
        continue;
      }
      switch (entry.action()) {
        case SET_ALIAS -> stack.push(entry.version());
        case ROLLBACK_ALIAS -> stack.poll();
        case REMOVE_ALIAS -> stack.clear();
        default -> { }
      }
    }
    stack.poll();
    return Optional.ofNullable(stack.peek());
  }
}
