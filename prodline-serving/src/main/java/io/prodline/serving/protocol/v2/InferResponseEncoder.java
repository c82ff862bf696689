package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.core.tensor.TensorJson;
import io.prodline.serving.protocol.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the REST answer of the Open Inference Protocol,
 * {@code {"model_name", "model_version", "id", "outputs": [{"name", "datatype", "shape", "data"}]}}. An output
 * asked for as binary carries {@code parameters.binary_data_size} instead of {@code data}, and its raw bytes
 * (layout as in {@link RawTensors}) follow the JSON in the order of the outputs; the transport then sends the
 * JSON's length as {@code Inference-Header-Content-Length}.
 *
 * <p>Floats are written in their shortest form that parses back to the same float, as in the TF Serving API.
 */
public final class InferResponseEncoder {
  /**
   * An encoded answer.
   *
   * @param body the JSON, followed by the binary outputs if any
   * @param jsonLength the length of the JSON part when binary outputs follow it, -1 when the body is all JSON
   */
  public record Encoded(byte[] body, int jsonLength) {}

  private InferResponseEncoder() {}

  public static Encoded encode(InferenceResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    List<byte[]> binaries = new ArrayList<>(0);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("model_name", result.modelName());
      g.writeStringField("model_version", result.modelVersion());
      if (!result.id().isEmpty()) {
        g.writeStringField("id", result.id());
      }
      g.writeArrayFieldStart("outputs");
      for (OutputTensor output : result.outputs()) {
        g.writeStartObject();
        g.writeStringField("name", output.name());
        g.writeStringField("datatype", output.datatype().name());
        g.writeFieldName("shape");
        g.writeArray(output.shape(), 0, output.shape().length);
        if (output.binary()) {
          byte[] raw = output.raw();
          binaries.add(raw);
          g.writeObjectFieldStart("parameters");
          g.writeNumberField("binary_data_size", raw.length);
          g.writeEndObject();
        } else if (output.texts() != null) {
          g.writeFieldName("data");
          g.writeArray(output.texts(), 0, output.texts().length);
        } else if (output.tensor() != null) {
          g.writeFieldName("data");
          TensorJson.writeFlat(g, output.tensor());
        } else {
          g.writeArrayFieldStart("data");
          for (float v : output.values()) {
            g.writeNumber(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inference answer", e);
    }
    if (binaries.isEmpty()) {
      return new Encoded(out.toByteArray(), -1);
    }
    int jsonLength = out.size();
    binaries.forEach(out::writeBytes);
    return new Encoded(out.toByteArray(), jsonLength);
  }
}
