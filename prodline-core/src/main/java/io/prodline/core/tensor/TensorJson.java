package io.prodline.core.tensor;

import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.core.numbers.HalfFloats;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes a tensor's elements as JSON values, as the serving protocols answer them: BOOL as true and false, integers
 * as numbers (UINT8 unsigned), FLOAT16 and BFLOAT16 as the floats they are, floats in their shortest round-trip
 * form, strings as text. One writer for the flat lists of the Open Inference Protocol and the nested lists of TF
 * Serving's.
 */
public final class TensorJson {
  private TensorJson() {}

  /** Writes every element, row-major, as one flat JSON array. */
  public static void writeFlat(JsonGenerator g, Tensor tensor) throws IOException {
    ByteBuffer raw = tensor.raw();
    g.writeStartArray();
    for (int i = 0, n = Math.toIntExact(tensor.elementCount()); i < n; i++) {
      writeElement(g, tensor, raw, i);
    }
    g.writeEndArray();
  }

  /**
   * Writes element {@code i}.
   *
   * @param raw {@link Tensor#raw()}, taken once by the caller for all the elements it writes ({@code null} for
   *     STRING)
   */
  public static void writeElement(JsonGenerator g, Tensor tensor, ByteBuffer raw, int i) throws IOException {
    switch (tensor.type()) {
      case STRING -> g.writeString(tensor.strings()[i]);
      case BOOL -> g.writeBoolean(raw.get(i) != 0);
      case UINT8 -> g.writeNumber(raw.get(i) & 0xFF);
      case INT8 -> g.writeNumber(raw.get(i));
      case INT16 -> g.writeNumber(raw.getShort(2 * i));
      case INT32 -> g.writeNumber(raw.getInt(4 * i));
      case INT64 -> g.writeNumber(raw.getLong(8 * i));
      case FLOAT16 -> g.writeNumber(HalfFloats.halfToFloat(raw.getShort(2 * i)));
      case BFLOAT16 -> g.writeNumber(HalfFloats.bfloat16ToFloat(raw.getShort(2 * i)));
      case FLOAT32 -> g.writeNumber(raw.getFloat(4 * i));
      case FLOAT64 -> g.writeNumber(raw.getDouble(8 * i));
    }
  }
}
