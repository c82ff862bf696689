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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a TF Serving predict body into a raw {@link Frame} with one column per model input, typed as the bundle's
 * manifest declares. Both of TF Serving's formats are read:
 * <ul>
 *   <li>row format, {@code {"instances": [...]}}: an instance is either an object of named features or an array
 *       of values in the order of the inputs;</li>
 *   <li>columnar format, {@code {"inputs": {"feature": [values...], ...}}}, one list per input, all of the same
 *       length; a model with a single input also takes {@code {"inputs": [values...]}}. TF Serving answers this
 *       format with {@code "outputs"} instead of {@code "predictions"}, hence {@link PredictRequest#columnar()}.</li>
 * </ul>
 *
 * <p>Types are checked here, against the manifest, so a client learns which instance and feature is wrong instead
 * of getting a model error. The rules:
 * <ul>
 *   <li>an explicit JSON {@code null} is a missing value, which the model handles as it was trained to;</li>
 *   <li>a key absent from an object instance is an error: silently treating a misspelt or forgotten feature as
 *       missing would return plausible but wrong predictions;</li>
 *   <li>a key the model does not take is an error, for the same reason (it is usually a misspelling);</li>
 *   <li>int64 inputs accept floating-point numbers that hold an exact integer ({@code 3.0}), since many JSON
 *       writers cannot tell the two apart; no other conversion happens (no strings to numbers);</li>
 *   <li>a string input also takes TF Serving's {@code {"b64": "..."}}, base64 of the UTF-8 bytes of the
 *       string.</li>
 * </ul>
 */
public final class PredictRequestDecoder {
  /** The only signature a prodline model has, under TF Serving's default name. */
  public static final String SIGNATURE = "serving_default";
  private static final int MAX_QUOTED = 40;

  private PredictRequestDecoder() {}

  /** A decoded predict body: the rows, and whether they came in the columnar format. */
  public record PredictRequest(Frame frame, boolean columnar) {}

  /** Decodes {@code body} for a model taking {@code inputs}; throws {@link BadRequestException} saying what is wrong. */
  public static Frame decode(byte[] body, List<Field> inputs) {
    return decodeRequest(body, inputs).frame();
  }

  /** Like {@link #decode}, also telling which format the body used. */
  public static PredictRequest decodeRequest(byte[] body, List<Field> inputs) {
    JsonNode root = parse(body);
    if (!root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"instances\" or \"inputs\", got "
          + describe(root));
    }
    checkTopLevel(root);
    JsonNode instances = root.get("instances");
    JsonNode columns = root.get("inputs");
    if (instances != null && columns != null) {
      throw new BadRequestException("the request has both \"instances\" and \"inputs\"; send one: rows as "
          + "\"instances\" or columns as \"inputs\"");
    }
    if (columns != null) {
      return new PredictRequest(decodeColumns(columns, inputs), true);
    }
    if (instances == null) {
      throw new BadRequestException("the request has no \"instances\"; send {\"instances\": [...]} with one "
          + "object or array per row, or {\"inputs\": {...}} with one list per feature");
    }
    if (!instances.isArray()) {
      throw new BadRequestException("\"instances\" must be a list of rows, got " + describe(instances));
    }
    if (instances.isEmpty()) {
      throw new BadRequestException("\"instances\" is empty; send at least one row");
    }
    List<ColumnBuilder> builders = builders(inputs);
    for (int i = 0; i < instances.size(); i++) {
      JsonNode instance = instances.get(i);
      if (instance.isObject()) {
        appendNamed(instance, "instance " + i, inputs, builders);
      } else if (instance.isArray()) {
        appendPositional(instance, i, inputs, builders);
      } else {
        throw new BadRequestException("instance " + i + " must be an object of named features or an array of "
            + inputs.size() + " values in the order " + names(inputs) + ", got " + describe(instance));
      }
    }
    return new PredictRequest(build(inputs, builders), false);
  }

  private static Frame decodeColumns(JsonNode columns, List<Field> inputs) {
    if (columns.isArray() && inputs.size() == 1) {
      return decodeColumns(Json.MAPPER.createObjectNode().set(inputs.get(0).name(), columns), inputs);
    }
    if (!columns.isObject()) {
      throw new BadRequestException("\"inputs\" must be an object of one list per feature " + names(inputs)
          + (inputs.size() == 1 ? " or a list of values" : "") + ", got " + describe(columns));
    }
    Set<String> known = new HashSet<>(names(inputs));
    for (Iterator<String> it = columns.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new BadRequestException("\"inputs\" has unknown feature '" + key + "'; the model takes " + names(inputs));
      }
    }
    int rows = -1;
    List<ColumnBuilder> builders = builders(inputs);
    for (int f = 0; f < inputs.size(); f++) {
      Field input = inputs.get(f);
      JsonNode column = columns.get(input.name());
      if (column == null) {
        throw new BadRequestException("\"inputs\" is missing feature '" + input.name() + "'; send a list with "
            + "null for missing values");
      }
      if (!column.isArray()) {
        throw new BadRequestException("\"inputs\": feature '" + input.name() + "' must be a list of values, one "
            + "per row, got " + describe(column));
      }
      if (rows < 0) {
        rows = column.size();
      } else if (column.size() != rows) {
        throw new BadRequestException("\"inputs\": feature '" + input.name() + "' has " + column.size()
            + " values but '" + inputs.get(0).name() + "' has " + rows + "; every feature needs one value per row");
      }
      for (int r = 0; r < column.size(); r++) {
        builders.get(f).appendObject(convert(column.get(r), input, "\"inputs\" row " + r));
      }
    }
    if (rows == 0) {
      throw new BadRequestException("\"inputs\" has no rows; send at least one value per feature");
    }
    return build(inputs, builders);
  }

  static List<ColumnBuilder> builders(List<Field> inputs) {
    List<ColumnBuilder> builders = new ArrayList<>(inputs.size());
    for (Field input : inputs) {
      builders.add(Column.builder(input.type()));
    }
    return builders;
  }

  static Frame build(List<Field> inputs, List<ColumnBuilder> builders) {
    List<Column> columns = new ArrayList<>(builders.size());
    for (ColumnBuilder b : builders) {
      columns.add(b.build());
    }
    return Frame.of(names(inputs), columns);
  }

  static JsonNode parse(byte[] body) {
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
      throw new BadRequestException("the request body is empty; send a JSON object");
    }
    return root;
  }

  private static void checkTopLevel(JsonNode root) {
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      switch (key) {
        case "instances", "inputs" -> { }
        case "signature_name" -> checkSignature(root.get(key));
        default -> throw new BadRequestException("unknown field '" + key + "' in the request; expected "
            + "\"instances\" or \"inputs\", and optionally \"signature_name\"");
      }
    }
  }

  /** Only TF Serving's default signature exists: a prodline model has one input set and one output. */
  static void checkSignature(JsonNode signature) {
    if (!signature.isTextual() || !SIGNATURE.equals(signature.textValue())) {
      throw new BadRequestException("unknown signature_name " + describe(signature)
          + "; prodline models have only \"" + SIGNATURE + "\"");
    }
  }

  /** Appends one row given as an object of named features; {@code where} names the row in messages. */
  static void appendNamed(JsonNode instance, String where, List<Field> inputs, List<ColumnBuilder> builders) {
    Set<String> known = new HashSet<>(names(inputs));
    for (Iterator<String> it = instance.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new BadRequestException(where + " has unknown feature '" + key + "'; the model takes "
            + names(inputs));
      }
    }
    for (int f = 0; f < inputs.size(); f++) {
      Field input = inputs.get(f);
      JsonNode value = instance.get(input.name());
      if (value == null) {
        throw new BadRequestException(where + " is missing feature '" + input.name()
            + "'; send null for a missing value");
      }
      builders.get(f).appendObject(convert(value, input, where));
    }
  }

  private static void appendPositional(JsonNode instance, int index, List<Field> inputs,
      List<ColumnBuilder> builders) {
    if (instance.size() != inputs.size()) {
      throw new BadRequestException("instance " + index + " has " + instance.size() + " values but the model takes "
          + inputs.size() + ", in the order " + names(inputs));
    }
    for (int f = 0; f < inputs.size(); f++) {
      builders.get(f).appendObject(convert(instance.get(f), inputs.get(f), "instance " + index));
    }
  }

  /** The value as the Java object the input's column builder takes; null for JSON null. */
  private static Object convert(JsonNode value, Field input, String where) {
    if (value.isNull()) {
      return null;
    }
    ColumnType type = input.type();
    if (value.isObject() && value.has("b64")) {
      if (type != ColumnType.STRING || value.size() != 1) {
        throw new BadRequestException(where + ": feature '" + input.name() + "' must be " + expected(type)
            + "; {\"b64\": ...} is only for string features and has no other fields");
      }
      return base64(value.get("b64"), input, where);
    }
    Object converted = switch (type) {
      case FLOAT64 -> value.isNumber() ? value.doubleValue() : null;
      case INT64 -> integerValue(value);
      case BOOL -> value.isBoolean() ? value.booleanValue() : null;
      case STRING -> value.isTextual() ? value.textValue() : null;
    };
    if (converted == null) {
      throw new BadRequestException(where + ": feature '" + input.name() + "' must be "
          + expected(type) + " but got " + describe(value));
    }
    return converted;
  }

  /** TF Serving's binary value; prodline strings are text, so the bytes must be UTF-8. */
  private static String base64(JsonNode encoded, Field input, String where) {
    String problem;
    if (encoded.isTextual()) {
      try {
        byte[] bytes = Base64.getDecoder().decode(encoded.textValue());
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (IllegalArgumentException e) {
        problem = "is not valid base64";
      } catch (CharacterCodingException e) {
        problem = "decodes to bytes that are not UTF-8 text";
      }
    } else {
      problem = "must be a base64 string but is " + describe(encoded);
    }
    throw new BadRequestException(where + ": feature '" + input.name() + "': the \"b64\" value " + problem);
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

  static String describe(JsonNode node) {
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

  static List<String> names(List<Field> inputs) {
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
