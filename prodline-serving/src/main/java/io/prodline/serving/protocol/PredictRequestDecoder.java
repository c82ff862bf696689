package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a TF Serving "row format" predict body, {@code {"instances": [...]}}, into a raw {@link Frame} with one
 * column per model input, typed as the bundle's manifest declares.
 *
 * <p>An instance is either an object of named features or an array of values in the order of the inputs. Types
 * are checked here, against the manifest, so a client learns which instance and feature is wrong instead of
 * getting a model error. The rules:
 * <ul>
 *   <li>an explicit JSON {@code null} is a missing value, which the model handles as it was trained to;</li>
 *   <li>a key absent from an object instance is an error: silently treating a misspelt or forgotten feature as
 *       missing would return plausible but wrong predictions;</li>
 *   <li>a key the model does not take is an error, for the same reason (it is usually a misspelling);</li>
 *   <li>int64 inputs accept floating-point numbers that hold an exact integer ({@code 3.0}), since many JSON
 *       writers cannot tell the two apart; no other conversion happens (no strings to numbers).</li>
 * </ul>
 */
public final class PredictRequestDecoder {
  /** The only signature a prodline model has, under TF Serving's default name. */
  public static final String SIGNATURE = "serving_default";
  private static final int MAX_QUOTED = 40;

  private PredictRequestDecoder() {}

  /** Decodes {@code body} for a model taking {@code inputs}; throws {@link BadRequestException} saying what is wrong. */
  public static Frame decode(byte[] body, List<Field> inputs) {
    JsonNode root = parse(body);
    if (!root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"instances\", got "
          + describe(root));
    }
    checkTopLevel(root);
    JsonNode instances = root.get("instances");
    if (instances == null) {
      throw new BadRequestException("the request has no \"instances\"; send {\"instances\": [...]} with one "
          + "object or array per row");
    }
    if (!instances.isArray()) {
      throw new BadRequestException("\"instances\" must be a list of rows, got " + describe(instances));
    }
    if (instances.isEmpty()) {
      throw new BadRequestException("\"instances\" is empty; send at least one row");
    }
    List<ColumnBuilder> builders = new ArrayList<>(inputs.size());
    for (Field input : inputs) {
      builders.add(Column.builder(input.type()));
    }
    for (int i = 0; i < instances.size(); i++) {
      JsonNode instance = instances.get(i);
      if (instance.isObject()) {
        appendNamed(instance, i, inputs, builders);
      } else if (instance.isArray()) {
        appendPositional(instance, i, inputs, builders);
      } else {
        throw new BadRequestException("instance " + i + " must be an object of named features or an array of "
            + inputs.size() + " values in the order " + names(inputs) + ", got " + describe(instance));
      }
    }
    List<Column> columns = new ArrayList<>(builders.size());
    for (ColumnBuilder b : builders) {
      columns.add(b.build());
    }
    return Frame.of(names(inputs), columns);
  }

  private static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new BadRequestException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new BadRequestException("the request body cannot be read as JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw new BadRequestException("the request body is empty; send {\"instances\": [...]}");
    }
    return root;
  }

  private static void checkTopLevel(JsonNode root) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      switch (key) {
        case "instances" -> { }
        case "signature_name" -> {
          JsonNode signature = root.get(key);
          if (!signature.isTextual() || !SIGNATURE.equals(signature.textValue())) {
            throw new BadRequestException("unknown signature_name " + describe(signature)
                + "; prodline models have only \"" + SIGNATURE + "\"");
          }
        }
        case "inputs" -> throw new BadRequestException("the columnar \"inputs\" format is not supported; send "
            + "\"instances\", a list of rows");
        default -> throw new BadRequestException("unknown field '" + key + "' in the request; expected "
            + "\"instances\" and optionally \"signature_name\"");
      }
    }
  }

  private static void appendNamed(JsonNode instance, int index, List<Field> inputs, List<ColumnBuilder> builders) {
    Set<String> known = new HashSet<>(names(inputs));
    for (Iterator<String> it = instance.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new BadRequestException("instance " + index + " has unknown feature '" + key + "'; the model takes "
            + names(inputs));
      }
    }
    for (int f = 0; f < inputs.size(); f++) {
      Field input = inputs.get(f);
      JsonNode value = instance.get(input.name());
      if (value == null) {
        throw new BadRequestException("instance " + index + " is missing feature '" + input.name()
            + "'; send null for a missing value");
      }
      builders.get(f).appendObject(convert(value, input, index));
    }
  }

  private static void appendPositional(JsonNode instance, int index, List<Field> inputs,
      List<ColumnBuilder> builders) {
    if (instance.size() != inputs.size()) {
      throw new BadRequestException("instance " + index + " has " + instance.size() + " values but the model takes "
          + inputs.size() + ", in the order " + names(inputs));
    }
    for (int f = 0; f < inputs.size(); f++) {
      builders.get(f).appendObject(convert(instance.get(f), inputs.get(f), index));
    }
  }

  /** The value as the Java object the input's column builder takes; null for JSON null. */
  private static Object convert(JsonNode value, Field input, int index) {
    if (value.isNull()) {
      return null;
    }
    ColumnType type = input.type();
    Object converted = switch (type) {
      case FLOAT64 -> value.isNumber() ? value.doubleValue() : null;
      case INT64 -> integerValue(value);
      case BOOL -> value.isBoolean() ? value.booleanValue() : null;
      case STRING -> value.isTextual() ? value.textValue() : null;
    };
    if (converted == null) {
      throw new BadRequestException("instance " + index + ": feature '" + input.name() + "' must be "
          + expected(type) + " but got " + describe(value));
    }
    return converted;
  }

  private static Long integerValue(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? value.longValue() : null;
    }
    if (value.isFloatingPointNumber()) {
      double d = value.doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 0x1p63 ? (long) d : null;
    }
    return null;
  }

  private static String expected(ColumnType type) {
    return switch (type) {
      case FLOAT64 -> "a number (float64)";
      case INT64 -> "an integer (int64)";
      case BOOL -> "true or false (bool)";
      case STRING -> "a string";
    };
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      String s = node.textValue();
      return "the string \"" + (s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "..." : s) + "\"";
    }
    if (node.isNumber()) {
      return "the number " + node.asText();
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isArray() ? "an array" : "an object";
  }

  private static List<String> names(List<Field> inputs) {
    return inputs.stream().map(Field::name).toList();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown problem";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
