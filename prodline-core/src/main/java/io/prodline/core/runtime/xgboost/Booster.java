package io.prodline.core.runtime.xgboost;

/**
 * The learned part of a model: adds its contribution to the margins of one row. Tree ensembles and linear models
 * differ only here; base score and objective are handled around it by {@link XGBoostRuntime}.
 *
 * <p>Implementations are immutable and allocate nothing, so one instance serves any number of threads.
 */
interface Booster {
  /**
   * Adds this booster's output for the row {@code features[row .. row + width)} to {@code margins[m .. m + groups)},
   * which hold the base margins on entry. NaN features are missing.
   */
  void addMargins(float[] features, int row, float[] margins, int m);
}
