package io.prodline.train.evaluate;

import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.train.label.LabelEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes an {@link Evaluation}: the task's metrics over all rows, then over each slice of each
 * {@link SliceSpec}.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Evaluates a bundle on labelled raw data: predicts through the bundle (its transform and runtime, as serving
   * does), encodes the label column with the bundle's classes, and slices on the raw columns of {@code data}.
   */
  public static Evaluation evaluate(Predictor predictor, Frame data, List<SliceSpec> slices) {
    var manifest = predictor.bundle().manifest();
    Predictions predictions = predictor.predict(data);
    LabelEncoding labels = new LabelEncoding(manifest.label(), manifest.task(), manifest.classes());
    float[] encoded = labels.encode(data.column(manifest.label()));
    double[] targets = new double[encoded.length];
    for (int row = 0; row < encoded.length; row++) {
      targets[row] = encoded[row];
    }
    return evaluate(new ScoredRows(manifest.task(), manifest.classes(), predictions.values(), targets), data,
        slices);
  }

  /** Evaluates {@code rows}, sliced on the columns of {@code features} (one row of features per scored row). */
  public static Evaluation evaluate(ScoredRows rows, Frame features, List<SliceSpec> slices) {
    if (!slices.isEmpty() && features.rowCount() != rows.rows()) {
      throw new IllegalArgumentException(features.rowCount() + " feature rows for " + rows.rows() + " scored rows");
    }
    List<SliceMetrics> sliced = new ArrayList<>();
    for (SliceSpec spec : slices) {
      SliceAssignment assignment = spec.assign(features);
      int[][] rowsBySlice = assignment.rowsBySlice();
      for (int s = 0; s < rowsBySlice.length; s++) {
        sliced.add(metrics(assignment.keys().get(s), rows.take(rowsBySlice[s])));
      }
    }
    return new Evaluation(rows.task(), rows.classes(), metrics(SliceKey.OVERALL, rows), sliced);
  }

  /** The metrics of the task on one slice's rows; a slice without rows gets none. */
  static SliceMetrics metrics(SliceKey key, ScoredRows rows) {
    if (rows.rows() == 0) {
      return SliceMetrics.empty(key);
    }
    return switch (rows.task()) {
      case BINARY_CLASSIFICATION -> BinaryMetrics.compute(key, rows);
      case MULTICLASS_CLASSIFICATION -> MulticlassMetrics.compute(key, rows);
      case REGRESSION -> RegressionMetrics.compute(key, rows);
    };
  }
}
