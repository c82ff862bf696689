package io.prodline.serving.batching;

import java.util.function.IntSupplier;

/**
 * Hears what batching does, for metrics; calls must be cheap and never block, they happen on the hot path. Each
 * event is ignored unless overridden.
 */
public interface BatchObserver {
  /** Ignores everything. */
  BatchObserver NONE = new BatchObserver() {};

  /** A model version got its queue; {@code depth} tells how many requests wait in it at any time. */
  default void queueCreated(String model, long version, IntSupplier depth) {}

  /** A model version's queue is gone (the version was unloaded); its depth is no longer reported. */
  default void queueRetired(String model, long version) {}

  /** A batch of {@code rows} rows went to the model. */
  default void batchRan(String model, long version, int rows) {}
}
