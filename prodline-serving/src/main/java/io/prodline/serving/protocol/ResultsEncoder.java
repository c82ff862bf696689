package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.core.bundle.Task;
import io.prodline.core.predict.Predictions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes TF Serving's classify and regress answers, {@code {"results": [...]}}, one entry per example:
 * <ul>
 *   <li>classify: every class with its score, in the model's class order,
 *       {@code [["setosa", 0.9], ["versicolor", 0.07], ["virginica", 0.03]]}; for binary classification the
 *       first class scores {@code 1 - p} and the second {@code p};</li>
 *   <li>regress: the value.</li>
 * </ul>
 * Floats are written as {@link PredictResponseEncoder} writes them.
 */
public final class ResultsEncoder {
  private ResultsEncoder() {}

  public static byte[] classify(Predictions predictions) {
    return write(predictions, (g, row) -> {
      g.writeStartArray();
      for (int k = 0; k < predictions.classes().size(); k++) {
        g.writeStartArray();
        g.writeString(predictions.classes().get(k));
        g.writeNumber(score(predictions, row, k));
        g.writeEndArray();
      }
      g.writeEndArray();
    });
  }

  public static byte[] regress(Predictions predictions) {
    return write(predictions, (g, row) -> g.writeNumber(predictions.value(row)));
  }

  /**
   * The score of class {@code k} for {@code row}, as TF Serving's classify answers list it: the class's probability;
   * for binary classification {@code 1 - p} for the first class and {@code p} for the second.
   */
  public static float score(Predictions predictions, int row, int k) {
    if (predictions.task() == Task.BINARY_CLASSIFICATION) {
      float p = predictions.value(row);
      return k == 1 ? p : 1 - p;
    }
    return predictions.values()[row * predictions.width() + k];
  }

  @FunctionalInterface
  private interface RowWriter {
    void write(JsonGenerator g, int row) throws IOException;
  }

  private static byte[] write(Predictions predictions, RowWriter row) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 + predictions.rows() * 16);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("results");
      for (int r = 0; r < predictions.rows(); r++) {
        row.write(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results", e);
    }
    return out.toByteArray();
  }
}
