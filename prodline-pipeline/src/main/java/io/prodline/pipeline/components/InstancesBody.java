package io.prodline.pipeline.components;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.List;

/** Rows of a Frame as a TensorFlow Serving {@code {"instances": [...]}} request body, the model's inputs only. */
final class InstancesBody {
  private InstancesBody() {}

  static String of(Frame rows, List<Field> inputs) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode instances = body.putArray("instances");
    for (int row = 0; row < rows.rowCount(); row++) {
      ObjectNode instance = instances.addObject();
      for (Field f : inputs) {
        Object v = rows.column(f.name()).get(row);
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
}
