/**
 * A pure-Java evaluator for XGBoost models saved as JSON or UBJSON, so that models trained with native XGBoost can
 * be served where no native library can be loaded (the edge, restricted containers).
 *
 * <p>Loading goes file → generic document ({@link io.prodline.core.runtime.xgboost.JsonDocumentReader},
 * {@link io.prodline.core.runtime.xgboost.UbjsonDocumentReader}) → checked model
 * ({@link io.prodline.core.runtime.xgboost.XGBoostModelParser}) → flattened primitive arrays
 * ({@link io.prodline.core.runtime.xgboost.TreeEnsemble}, {@link io.prodline.core.runtime.xgboost.LinearBooster}).
 * Trees are laid out breadth-first with sibling pairs and self-looping leaves, and a whole request is walked up to
 * 64 (row, tree) pairs at a time without data-dependent branches (see {@code TreeEnsemble}). Arithmetic follows
 * XGBoost's CPU predictor step by step in float32, leaf values summed per row in tree order, so outputs equal
 * {@code Booster.predict} to within an ulp.
 */
package io.prodline.core.runtime.xgboost;
