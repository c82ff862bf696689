package io.prodline.train.transform;

import io.prodline.core.transform.NumericStep;

/**
 * The training-time state of one analyzing numeric step: statistics gathered in the single pass, never saved,
 * turned into the fitted {@link NumericStep} at the end. Not thread-safe; merge per-thread states.
 */
interface NumericAnalyzer {
  /** Adds a batch of values; NaN (missing) and infinities are left out of the statistics. */
  void add(double[] values);

  /** Folds in another analyzer of the same kind and configuration. */
  void merge(NumericAnalyzer other);

  /**
   * The fitted step for everything added, plus {@code extraCount} more copies of {@code extraValue} (the rows a
   * preceding mean fill will fill); this analyzer's state is left unchanged.
   */
  NumericStep result(double extraValue, long extraCount);
}
