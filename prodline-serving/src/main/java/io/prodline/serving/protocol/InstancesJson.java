package io.prodline.serving.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.List;

/**
 * Writes rows of a Frame as a TensorFlow Serving {@code {"instances": [...]}} predict body, the client side of
 * {@link PredictRequestDecoder}. It lives beside the decoder so the two cannot drift apart; the CLI's self-check,
 * the pipeline's InfraValidator and tests all send requests through it.
 */
public final class InstancesJson {
  private InstancesJson() {}

  /** One object instance per row, holding the model's raw input features by name; other columns are left out. */
  public static String of(Frame rows, List<Field> inputs) {
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
