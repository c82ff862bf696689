package io.prodline.serving.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Unload the old version first, load the new one only when no unwanted version holds resources any more.
 *
 * <p>Trade-off: never more than the wanted versions in memory, which is what a model that fills the host needs,
 * but the model does not answer between the unload and the end of the load (requests get 404 meanwhile), and a
 * new version that fails to load leaves nothing serving.
 *
 * <p>Rules, in order: unload any unwanted {@code AVAILABLE} version (lowest first); wait while an unwanted
 * version is still {@code LOADING} or {@code UNLOADING}; then load the highest wanted {@code NEW} version.
 */
public final class ResourcePreservingPolicy implements AspiredVersionPolicy {
  @Override
  public Optional<VersionAction> next(List<VersionView> versions) {
    Optional<Long> unwantedServing = versions.stream()
        .filter(v -> !v.aspired() && v.state() == VersionState.AVAILABLE)
        .map(VersionView::version).min(Long::compare);
    if (unwantedServing.isPresent()) {
      return Optional.of(VersionAction.unload(unwantedServing.get()));
    }
    boolean unwantedHoldsResources = versions.stream().anyMatch(v -> !v.aspired()
        && (v.state() == VersionState.LOADING || v.state() == VersionState.UNLOADING));
    return unwantedHoldsResources ? Optional.empty() : AspiredVersionPolicy.loadNewestNew(versions);
  }
}
