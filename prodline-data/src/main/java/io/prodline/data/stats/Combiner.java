package io.prodline.data.stats;

import io.prodline.core.frame.Column;

/**
 * A mergeable statistic: small state that grows by adding columns and by merging other partial states, in any
 * order, with a result that does not depend on that order beyond the error bound the implementation documents.
 *
 * <p>Every implementation also has a static {@code create(...)} factory (the empty state) and a static
 * {@code fromBytes(byte[])} that reads what {@link #toBytes()} wrote. A combiner is not thread-safe; give each
 * thread its own and merge at the end.
 *
 * @param <C> the implementing type, the only type it can merge
 * @param <R> the immutable result
 */
public interface Combiner<C extends Combiner<C, R>, R> {

  /** Adds every row of {@code column}, each with the weight {@code weights} gives it. */
  void add(Column column, Weights weights);

  /** Adds every row of {@code column} with weight 1. */
  default void add(Column column) {
    add(column, Weights.unit(column.size()));
  }

  /** Folds {@code other} into this state; {@code other} is left unchanged. */
  void merge(C other);

  /** The statistic of everything added and merged so far. */
  R result();

  /** The state in this combiner's byte format, headed by its {@link StatisticFormat} id and version. */
  byte[] toBytes();
}
