package io.prodline.core.runtime.xgboost;

/**
 * The learned part of a model: adds its contribution to the margins of a batch of rows. Tree ensembles and linear
 * models differ only here; base score and objective are handled around it by {@link XGBoostRuntime}.
 *
 * <p>Implementations are immutable and keep no state between calls, so one instance serves any number of threads.
 */
interface Booster {
  /**
   * Adds this booster's output for each of {@code rows} rows (row r is {@code features[r * width .. (r + 1) * width)})
   * to {@code margins[r * groups .. (r + 1) * groups)}, which hold the base margins on entry. NaN features are
   * missing.
   */
  void addMargins(float[] features, int rows, float[] margins);
}
