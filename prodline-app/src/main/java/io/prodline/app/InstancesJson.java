package io.prodline.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.List;

/** Writes rows of a Frame as a TensorFlow Serving {@code {"instances": [...]}} request body. */
final class InstancesJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InstancesJson() {}

  /** One object instance per row, holding the model's raw input features by name. */
  static String of(Frame rows, List<Field> inputs) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode instances = body.putArray("instances");
    for (int row = 0; row < rows.rowCount(); row++) {
      ObjectNode instance = instances.addObject();
      for (Field f : inputs) {
        Column c = rows.column(f.name());
        Object v = c.get(row);
        if (v == null) {
          instance.putNull(f.name());
        } else if (v instanceof Double d) {
          instance.put(f.name(), d);
        } else if (v instanceof Long l) {
          instance.put(f.name(), l);
        } else if (v instanceof Boolean b) {
          instance.put(f.name(), b);
        } else {
          instance.put(f.name(), v.toString());
        }
      }
    }
    return body.toString();
  }

  /** The same request as a single line fit for a shell, quoted for curl's {@code -d '...'}. */
  static String forShell(String json) {
    return "'" + json.replace("'", "'\\''") + "'";
  }
}
