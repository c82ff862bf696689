package io.prodline.train.transform;

import io.prodline.core.frame.Frame;
import io.prodline.core.transform.FeatureEncoder;

/**
 * The training-time state of one output feature: what its analyzers have seen so far. Runtime only, never
 * saved; {@link #result()} turns it into the fitted {@link FeatureEncoder}. Not thread-safe; merge per-thread
 * states.
 */
sealed interface FeatureAccumulator permits NumericAccumulator, CategoricalAccumulator, FixedAccumulator {
  /** Adds a batch of raw training rows. */
  void add(Frame batch);

  /** Folds in the state of the same feature from another accumulator. */
  void merge(FeatureAccumulator other);

  /** The fitted encoder for everything added and merged so far; the state is left unchanged. */
  FeatureEncoder result();
}
