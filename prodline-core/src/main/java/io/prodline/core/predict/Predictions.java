package io.prodline.core.predict;

import io.prodline.core.bundle.Task;
import java.util.List;

/**
 * The outputs of a model for a batch of rows: {@code width} floats per row. For binary classification and
 * regression the width is 1 (the probability of {@code classes[1]}, or the value); for multiclass it is one
 * probability per class.
 *
 * @param column whether one value per row is a {@code [rows, 1]} column rather than a {@code [rows]} vector: a bare
 *     model whose graph declares its output so ({@link io.prodline.core.bundle.TensorNames#columnOutput})
 */
public record Predictions(Task task, List<String> classes, int rows, int width, float[] values, boolean column) {
  /** Outputs in prodline's own shapes: one value per row is a {@code [rows]} vector. */
  public Predictions(Task task, List<String> classes, int rows, int width, float[] values) {
    this(task, classes, rows, width, values, false);
  }

  /**
   * The shape the protocols answer these outputs in: {@code [rows]} for one value per row (binary classification,
   * regression), or {@code [rows, 1]} for a {@link #column}; {@code [rows, classes]} for multiclass probabilities.
   */
  public long[] shape() {
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      return new long[] {rows, width};
    }
    return column ? new long[] {rows, 1} : new long[] {rows};
  }

  /** The single output of a row (binary classification, regression). */
  public float value(int row) {
    return values[row * width];
  }

  /** All outputs of a row. */
  public float[] row(int row) {
    float[] out = new float[width];
    System.arraycopy(values, row * width, out, 0, width);
    return out;
  }

  /** The most likely class of a row, for classification tasks. */
  public String predictedClass(int row) {
    if (task == Task.BINARY_CLASSIFICATION) {
      return classes.get(value(row) >= 0.5f ? 1 : 0);
    }
    int best = 0;
    for (int k = 1; k < width; k++) {
      if (values[row * width + k] > values[row * width + best]) {
        best = k;
      }
    }
    return classes.get(best);
  }
}
