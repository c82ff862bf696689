package io.prodline.serving.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.PredictRequestDecoder.Options;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a TF Serving classify or regress body, {@code {"examples": [{...}, ...], "context": {...}}}, into a raw
 * {@link Frame}. Each example is an object of named features; {@code context} holds features shared by every
 * example, and an example may not repeat one of them (TF Serving's rule). The context may come after the
 * examples, so the body is read as a tree; the merged examples then go through {@link PredictRequestDecoder}'s
 * reader, so values follow exactly its rules, {@code {"b64": ...}} and the limits included. As in TF Serving, a
 * feature may also be given as a list of one value, the form a {@code tf.train.Example} feature has.
 *
 * <p>{@link #decodeExamples} is the part after the body: gRPC's {@code Classify} and {@code Regress} hand it their
 * {@code tf.Example}s as the same trees, so both protocols check features alike.
 */
public final class ExampleRequestDecoder {
  private ExampleRequestDecoder() {}

  /** Decodes with {@link Options#DEFAULT}. */
  public static Frame decode(byte[] body, List<Field> inputs) {
    return decode(body, inputs, Options.DEFAULT);
  }

  public static Frame decode(byte[] body, List<Field> inputs, Options options) {
    JsonNode root = parse(body);
    if (!root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"examples\", got "
          + describe(root));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      switch (key) {
        case "examples", "context" -> { }
        case "signature_name" -> PredictRequestDecoder.checkSignature(root.get(key).textValue());
        default -> { } // TF Serving reads the fields it knows and no other
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
          + describe(context));
    }
    return decodeExamples((ArrayNode) examples, (ObjectNode) context, inputs, options,
        PredictRequestDecoder.JSON_MISSING);
  }

  /**
   * Decodes examples already read as trees: each an object of named features, a value given alone or as a list of
   * one, {@code null} for a missing value; the context's features are added to every example.
   *
   * @param examples at least one example; an element that is not an object is refused as the row it is
   * @param context the features every example shares, or {@code null} when there are none
   * @param missing what the client sends for a missing value, for messages ({@code null} in JSON)
   */
  public static Frame decodeExamples(ArrayNode examples, ObjectNode context, List<Field> inputs, Options options,
      String missing) {
    JsonNode shared = context == null ? null : oneValueEach(context, "\"context\"");
    ArrayNode merged = Json.REQUEST_TREES.createArrayNode();
    for (int i = 0; i < examples.size(); i++) {
      JsonNode example = examples.get(i);
      String where = "example " + i;
      merged.add(example.isObject() ? withContext(oneValueEach((ObjectNode) example, where), shared) : example);
    }
    return PredictRequestDecoder.decodeRows(merged.traverse(), inputs, options, "example", missing);
  }

  private static JsonNode parse(byte[] body) {
    JsonNode root = MalformedJson.readTree(Json.REQUEST_TREES, body, body.length);
    if (root == null || root.isMissingNode()) {
      throw new BadRequestException("the request body is empty; send a JSON object");
    }
    return root;
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "the string \"" + node.textValue() + "\"";
    }
    if (node.isNumber() || node.isBoolean()) {
      return "the " + (node.isNumber() ? "number " : "boolean ") + node.asText();
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isArray() ? "an array" : "an object";
  }

  /**
   * The features with TF Example's lists of one value ({@code "age": [1]}) read as that value, as TF Serving
   * accepts them; a prodline feature holds one value per example, so another length is refused. The features are
   * copied only when there is a list to read.
   */
  private static ObjectNode oneValueEach(ObjectNode features, String where) {
    ObjectNode scalars = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> feature = it.next();
      JsonNode value = feature.getValue();
      if (!value.isArray()) {
        continue;
      }
      if (value.size() != 1) {
        throw new BadRequestException(where + ": feature '" + feature.getKey() + "' has " + value.size()
            + " values; a feature takes one value per example, given alone or as a list of one");
      }
      if (scalars == null) {
        scalars = features.deepCopy();
      }
      scalars.set(feature.getKey(), value.get(0));
    }
    return scalars == null ? features : scalars;
  }

  private static JsonNode withContext(ObjectNode example, JsonNode context) {
    if (context == null || context.isEmpty()) {
      return example;
    }
    ObjectNode merged = example.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> shared = it.next();
      // TF Serving parses the context and then the example as one message, so the example's value wins.
      if (!merged.has(shared.getKey())) {
        merged.set(shared.getKey(), shared.getValue());
      }
    }
    return merged;
  }
}
