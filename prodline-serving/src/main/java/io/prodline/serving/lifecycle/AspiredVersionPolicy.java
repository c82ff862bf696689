package io.prodline.serving.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Decides how one model moves from the versions it has to the versions its source aspires to, one step at a
 * time. Implementations are pure functions: the same views always give the same answer, and they keep no state,
 * so the manager can ask again after every step and after a restart.
 */
public interface AspiredVersionPolicy {
  /**
   * The next action for one model, or empty when there is nothing to do now.
   *
   * @param versions every version of the model the manager knows, in any order
   */
  Optional<VersionAction> next(List<VersionView> versions);

  /** The aspired version in {@link VersionState#NEW} with the highest number: the newest is loaded first. */
  static Optional<VersionAction> loadNewestNew(List<VersionView> versions) {
    return versions.stream()
        .filter(v -> v.aspired() && v.state() == VersionState.NEW)
        .mapToLong(VersionView::version)
        .max()
        .stream().boxed().findFirst().map(VersionAction::load);
  }
}
