package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.core.predict.Predictions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

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
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + predictions.values().length * 12);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart(columnar ? "outputs" : "predictions");
      boolean rowArrays = predictions.shape().length == 2;
      for (int row = 0; row < predictions.rows(); row++) {
        if (rowArrays) {
          g.writeStartArray();
          for (float p : predictions.row(row)) {
            g.writeNumber(p);
          }
          g.writeEndArray();
        } else {
          g.writeNumber(predictions.value(row));
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write predictions", e);
    }
    return out.toByteArray();
  }
}
