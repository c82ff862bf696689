package io.prodline.serving.predictionlog;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.protocol.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * Owns the prediction log's line format, {@value #FORMAT}: one JSON object per line, documented in
 * {@code docs/serving.md}. Inputs are written column-wise under their feature names, so a reader rebuilds the
 * request {@link Frame} directly; outputs are written as the predict answer writes them.
 */
public final class PredictionRecordEncoder {
  public static final String FORMAT = "prodline.prediction/1";
  /** The answers' own: numbers written as the client got them (the shortest text that reads back the same). */
  private static final JsonFactory JSON = Json.MAPPER.getFactory();

  private PredictionRecordEncoder() {}

  /** Writes {@code record} and a newline to {@code out}, leaving {@code out} open. */
  public static void write(PredictionRecord record, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("request_id", record.requestId());
      g.writeStringField("timestamp", Instant.ofEpochMilli(record.timestampMillis()).toString());
      g.writeStringField("model", record.model());
      g.writeNumberField("version", record.version());
      g.writeNumberField("latency_ms", record.latencyNanos() / 1e6);
      g.writeNumberField("rows", record.inputs().rowCount());
      g.writeObjectFieldStart("inputs");
      Frame inputs = record.inputs();
      for (int c = 0; c < inputs.columnCount(); c++) {
        g.writeArrayFieldStart(inputs.name(c));
        writeColumn(g, inputs.column(c));
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("outputs");
      writeOutputs(g, record.outputs());
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void writeColumn(JsonGenerator g, Column column) throws IOException {
    for (int row = 0; row < column.size(); row++) {
      Object value = column.isNull(row) ? null : column.get(row);
      if (value == null) {
        g.writeNull();
      } else if (value instanceof Double d) {
        g.writeNumber(d);
      } else if (value instanceof Long l) {
        g.writeNumber(l);
      } else if (value instanceof Boolean b) {
        g.writeBoolean(b);
      } else {
        g.writeString(value.toString());
      }
    }
  }

  private static void writeOutputs(JsonGenerator g, Predictions outputs) throws IOException {
    boolean multiclass = outputs.task() == Task.MULTICLASS_CLASSIFICATION;
    for (int row = 0; row < outputs.rows(); row++) {
      if (multiclass) {
        g.writeStartArray();
        for (float p : outputs.row(row)) {
          g.writeNumber(p);
        }
        g.writeEndArray();
      } else {
        g.writeNumber(outputs.value(row));
      }
    }
  }
}
