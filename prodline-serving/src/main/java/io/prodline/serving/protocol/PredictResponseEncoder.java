package io.prodline.serving.protocol;

import io.prodline.core.predict.Predictions;
import io.prodline.core.text.ShortestDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code {"predictions": [...]}}, or {@code {"outputs": [...]}} for a columnar request as TF Serving does:
 * per row a number for binary classification (the probability of
 * {@code classes[1]}) and regression, an array of class probabilities for multiclass, and an array of one value for
 * a bare model whose graph's output is a {@code [N, 1]} column.
 *
 * <p>Each float is written in its shortest decimal form that parses back to the identical float, so clients see
 * {@code 0.1} rather than the widened double {@code 0.10000000149011612} and nothing is lost in transit. JSON has no
 * NaN or infinity; such outputs are written as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class PredictResponseEncoder {
  private PredictResponseEncoder() {}

  public static byte[] encode(Predictions predictions) {
    return encode(predictions, false);
  }

  /** @param columnar whether the request used the columnar {@code "inputs"} format */
  public static byte[] encode(Predictions predictions, boolean columnar) {
    // Written as text rather than through a Jackson generator: the shape is fixed and holds only numbers, and for
    // a single-row answer the generator's set-up and buffer recycling cost more than writing the one number.
    StringBuilder out = new StringBuilder(32 + predictions.values().length * 12);
    out.append(columnar ? "{\"outputs\":[" : "{\"predictions\":[");
    boolean rowArrays = predictions.shape().length == 2;
    for (int row = 0; row < predictions.rows(); row++) {
      if (row > 0) {
        out.append(',');
      }
      if (rowArrays) {
        out.append('[');
        for (int k = 0, at = row * predictions.width(); k < predictions.width(); k++, at++) {
          if (k > 0) {
            out.append(',');
          }
          number(out, predictions.values()[at]);
        }
        out.append(']');
      } else {
        number(out, predictions.value(row));
      }
    }
    return out.append("]}").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void number(StringBuilder out, float value) {
    if (Float.isFinite(value)) {
      out.append(ShortestDecimal.of(value));
    } else {
      out.append(Float.isNaN(value) ? "\"NaN\"" : value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    }
  }
}
