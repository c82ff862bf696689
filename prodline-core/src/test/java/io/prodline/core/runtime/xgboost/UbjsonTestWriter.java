package io.prodline.core.runtime.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Converts a JSON text into UBJSON the way XGBoost writes it (typed float32 arrays, int64 lengths, objects without
 * counts), so the UBJSON reader can be tested without native XGBoost.
 */
final class UbjsonTestWriter {
  private UbjsonTestWriter() {}

  static byte[] fromJson(String json) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      write(new ObjectMapper().readTree(json), out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonNode node, DataOutputStream out) throws IOException {
    if (node.isObject()) {
      out.writeByte('{');
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        writeString(e.getKey(), out);
        write(e.getValue(), out);
      }
      out.writeByte('}');
    } else if (node.isArray()) {
      boolean allFloats = node.size() > 0;
      for (JsonNode e : node) {
        allFloats &= e.isFloatingPointNumber();
      }
      if (allFloats) {
        out.writeByte('[');
        out.writeByte('$');
        out.writeByte('d');
        out.writeByte('#');
        out.writeByte('L');
        out.writeLong(node.size());
        for (JsonNode e : node) {
          out.writeFloat(e.floatValue());
        }
      } else {
        out.writeByte('[');
        for (JsonNode e : node) {
          write(e, out);
        }
        out.writeByte(']');
      }
    } else if (node.isTextual()) {
      out.writeByte('S');
      writeString(node.textValue(), out);
    } else if (node.isBoolean()) {
      out.writeByte(node.booleanValue() ? 'T' : 'F');
    } else if (node.isIntegralNumber()) {
      out.writeByte('L');
      out.writeLong(node.longValue());
    } else if (node.isNumber()) {
      out.writeByte('d');
      out.writeFloat(node.floatValue());
    } else {
      out.writeByte('Z');
    }
  }

  private static void writeString(String s, DataOutputStream out) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeByte('L');
    out.writeLong(b.length);
    out.write(b);
  }
}
