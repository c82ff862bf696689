package io.prodline.serving.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes an operator made through the management API, applied on top of the config file at every scan: a pinned
 * version (rollback), versions unloaded on request, and labels set or moved. Kept in memory only: a restart
 * returns to the config file, which stays the durable record. Thread-safe.
 */
public final class ServingOverrides {
  private final Map<String, Long> pins = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> unloaded = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Long>> labels = new ConcurrentHashMap<>();

  /** Serve only {@code version} of {@code model} (plus labelled versions) until {@link #unpin}. */
  public void pin(String model, long version) {
    pins.put(model, version);
  }

  public void unpin(String model) {
    pins.remove(model);
  }

  public OptionalLong pinned(String model) {
    Long version = pins.get(model);
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  /** Keep {@code version} of {@code model} unloaded, whatever the policy says, until {@link #clearUnloaded}. */
  public void unload(String model, long version) {
    unloaded.computeIfAbsent(model, m -> ConcurrentHashMap.newKeySet()).add(version);
  }

  public void clearUnloaded(String model) {
    unloaded.remove(model);
  }

  public Set<Long> unloaded(String model) {
    return Set.copyOf(unloaded.getOrDefault(model, Set.of()));
  }

  /** Points {@code label} of {@code model} at {@code version}, over what the config file says. */
  public void label(String model, String label, long version) {
    labels.computeIfAbsent(model, m -> new ConcurrentHashMap<>()).put(label, version);
  }

  /** Drops a label set through {@link #label}; false when there was none. */
  public boolean removeLabel(String model, String label) {
    Map<String, Long> set = labels.get(model);
    return set != null && set.remove(label) != null;
  }

  /** The config file's labels with this model's overrides applied. */
  public Map<String, Long> labels(String model, Map<String, Long> configured) {
    Map<String, Long> merged = new HashMap<>(configured);
    merged.putAll(labels.getOrDefault(model, Map.of()));
    return merged;
  }
}
