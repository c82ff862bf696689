package io.prodline.serving.protocol.v2;

import io.prodline.core.bundle.Task;
import io.prodline.core.predict.Predictions;
import io.prodline.core.text.ShortestDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Triton's classification extension: instead of an output's values, each row's {@code k} highest values as BYTES
 * text {@code "<value>:<index>[:<label>]"}, highest first (the lower index first among equal values), in a
 * {@code [rows, k]} tensor; the value is written as every JSON answer writes it ({@link ShortestDecimal}).
 * {@code index} is the value's column in the output. The label is the class the value is the probability of: a
 * multiclass model's class of that column, a binary model's positive class (its one column is that class's
 * probability); a regression, or a model without class names, has none. A count beyond the output's columns gives
 * every column.
 */
final class Classification {
  private Classification() {}

  static OutputTensor of(String name, Predictions predictions, int requested, boolean binary) {
    int width = predictions.width();
    int k = Math.min(requested, width);
    float[] values = predictions.values();
    String[] texts = new String[predictions.rows() * k];
    Integer[] order = new Integer[width];
    for (int row = 0; row < predictions.rows(); row++) {
      int offset = row * width;
      for (int c = 0; c < width; c++) {
        order[c] = c;
      }
      // Stable, so equal values keep their column order.
      Arrays.sort(order, (a, b) -> Float.compare(values[offset + b], values[offset + a]));
      for (int i = 0; i < k; i++) {
        int column = order[i];
        String label = label(predictions, column);
        texts[row * k + i] = ShortestDecimal.of(values[offset + column]) + ":" + column
            + (label == null ? "" : ":" + label);
      }
    }
    return OutputTensor.bytes(name, new long[] {predictions.rows(), k}, texts, binary);
  }

  private static String label(Predictions predictions, int column) {
    List<String> classes = predictions.classes();
    if (predictions.task() == Task.MULTICLASS_CLASSIFICATION && column < classes.size()) {
      return classes.get(column);
    }
    if (predictions.task() == Task.BINARY_CLASSIFICATION && classes.size() == 2) {
      return classes.get(1);
    }
    return null;
  }
}
