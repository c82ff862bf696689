package io.prodline.serving.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * Load the new version first, unload the old one only once a wanted version is serving.
 *
 * <p>Trade-off: the model never stops answering during a swap, but for a while both versions are in memory, so
 * the host needs room for two. A new version that fails to load leaves the old one serving. The default.
 *
 * <p>Rules, in order: unload the lowest unwanted {@code AVAILABLE} version when a wanted one is
 * {@code AVAILABLE}, when nothing is wanted any more (the model was removed), or when more than one unwanted
 * version is still serving (keep just one as a fallback); otherwise load the highest wanted {@code NEW} version.
 */
public final class AvailabilityPreservingPolicy implements AspiredVersionPolicy {
  @Override
  public Optional<VersionAction> next(List<VersionView> versions) {
    List<Long> unwantedServing = versions.stream()
        .filter(v -> !v.aspired() && v.state() == VersionState.AVAILABLE)
        .map(VersionView::version).sorted().toList();
    boolean wantedServing = versions.stream().anyMatch(v -> v.aspired() && v.state() == VersionState.AVAILABLE);
    boolean nothingWanted = versions.stream().noneMatch(VersionView::aspired);
    if (!unwantedServing.isEmpty() && (wantedServing || nothingWanted || unwantedServing.size() > 1)) {
      return Optional.of(VersionAction.unload(unwantedServing.get(0)));
    }
    return AspiredVersionPolicy.loadNewestNew(versions);
  }
}
