package io.prodline.serving.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a TF Serving classify or regress body, {@code {"examples": [{...}, ...], "context": {...}}}, into a raw
 * {@link Frame}. Each example is an object of named features; {@code context} holds features shared by every
 * example, and an example may not repeat one of them (TF Serving's rule). Values follow the same rules as
 * {@link PredictRequestDecoder}, {@code {"b64": ...}} included.
 */
public final class ExampleRequestDecoder {
  private ExampleRequestDecoder() {}

  public static Frame decode(byte[] body, List<Field> inputs) {
    JsonNode root = PredictRequestDecoder.parse(body);
    if (!root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"examples\", got "
          + PredictRequestDecoder.describe(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      switch (key) {
        case "examples", "context" -> { }
        case "signature_name" -> PredictRequestDecoder.checkSignature(root.get(key));
        default -> throw new BadRequestException("unknown field '" + key + "' in the request; expected "
            + "\"examples\", and optionally \"context\" and \"signature_name\"");
      }
    }
    JsonNode examples = root.get("examples");
    if (examples == null || !examples.isArray() || examples.isEmpty()) {
      throw new BadRequestException("the request needs \"examples\", a non-empty list of objects of named "
          + "features, e.g. {\"examples\": [{\"age\": 3}]}");
    }
    JsonNode context = root.get("context");
    if (context != null && !context.isObject()) {
      throw new BadRequestException("\"context\" must be an object of features shared by every example, got "
          + PredictRequestDecoder.describe(context));
    }
    List<ColumnBuilder> builders = PredictRequestDecoder.builders(inputs);
    for (int i = 0; i < examples.size(); i++) {
      JsonNode example = examples.get(i);
      String where = "example " + i;
      if (!example.isObject()) {
        throw new BadRequestException(where + " must be an object of named features, got "
            + PredictRequestDecoder.describe(example));
      }
      PredictRequestDecoder.appendNamed(withContext((ObjectNode) example, context, where), where, inputs, builders);
    }
    return PredictRequestDecoder.build(inputs, builders);
  }

  private static JsonNode withContext(ObjectNode example, JsonNode context, String where) {
    if (context == null || context.isEmpty()) {
      return example;
    }
    ObjectNode merged = example.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> shared = it.next();
      if (merged.has(shared.getKey())) {
        throw new BadRequestException(where + " repeats feature '" + shared.getKey() + "' of \"context\"; give "
            + "a feature either in the context or in the examples");
      }
      merged.set(shared.getKey(), shared.getValue());
    }
    return merged;
  }
}
