package io.prodline.core.runtime;

/**
 * A loaded model that maps a dense row-major float matrix of model inputs to a row-major matrix of outputs.
 *
 * <p>Implementations are immutable once loaded and safe to call from many threads at once. Loading (parsing,
 * allocating) happens in {@link ModelRuntimeProvider#load}; {@link #predict} must do no I/O.
 */
public interface ModelRuntime extends AutoCloseable {
  /** Number of input values per row the model expects. */
  int inputWidth();

  /** Number of output values per row: 1 for regression and binary classification, the class count for multiclass. */
  int outputWidth();

  /**
   * Predicts {@code rows} rows. {@code features} holds {@code rows * inputWidth()} values, NaN meaning missing.
   *
   * @return {@code rows * outputWidth()} values, row-major
   */
  float[] predict(float[] features, int rows);

  /** Releases native or off-heap resources; the default has none. */
  @Override
  default void close() {}
}
