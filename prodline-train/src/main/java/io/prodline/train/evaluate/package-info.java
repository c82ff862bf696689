/**
 * Model evaluation, the job TensorFlow Model Analysis does for TFX: metrics with scikit-learn's definitions,
 * overall and per slice, thresholds against absolute bounds and against a baseline model, a blessing with every
 * reason, and fairness flags for slices that do much worse than the whole.
 *
 * <p>Entry points: {@link io.prodline.train.evaluate.Evaluator} turns predictions and labels into an
 * {@link io.prodline.train.evaluate.Evaluation}; {@link io.prodline.train.evaluate.ModelValidator} judges one
 * against {@link io.prodline.train.evaluate.MetricThreshold}s and gives a
 * {@link io.prodline.train.evaluate.Blessing}; {@link io.prodline.train.evaluate.EvaluationJson} writes and reads
 * both as JSON. Field names and metric definitions are documented in {@code docs/evaluation.md}.
 *
 * <p>Design for size: binary metrics cost one primitive sort plus linear scans. Scores are packed with their label
 * into {@code long} keys (order-preserving bits of the float score in the high half, the label in the low half),
 * sorted with {@link java.util.Arrays#parallelSort(long[])}, and walked once from the top score down to build the
 * cumulative true/false positive counts at every distinct threshold; ROC-AUC, average precision, the threshold
 * sweep and the confusion matrix all read those counts. Nothing is boxed per row, so ten million predictions take
 * 80 MB of keys and a sort. Slices are found in one pass that gives each row a group id, then a counting sort of
 * row indices by group.
 */
package io.prodline.train.evaluate;
