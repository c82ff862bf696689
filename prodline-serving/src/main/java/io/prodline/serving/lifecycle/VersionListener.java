package io.prodline.serving.lifecycle;

import io.prodline.serving.statistics.VersionStatistics;

/**
 * Hears the lifecycle's events, for whatever keeps state per loaded version (metrics, batching queues). Called on
 * the manager's thread, one event at a time; an exception thrown here is logged and does not stop the lifecycle.
 */
public interface VersionListener {
  /** Hears nothing. */
  VersionListener NONE = new VersionListener() {};

  /** The version is loaded, warmed up and about to take requests, which {@code statistics} will count. */
  default void loaded(String model, long version, VersionStatistics statistics) {}

  /** The version failed to load; it shows as {@link VersionState#ERROR} with {@code reason}. */
  default void loadFailed(String model, long version, String reason) {}

  /**
   * The version's last request has ended (no handle is open and none can be taken) and {@code loaded} is about to
   * be closed: release whatever was kept for it.
   */
  default void unloading(String model, long version, LoadedModel loaded) {}
}
