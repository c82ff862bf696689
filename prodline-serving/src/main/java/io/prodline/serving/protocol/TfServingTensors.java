package io.prodline.serving.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.core.numbers.HalfFloats;
import io.prodline.core.tensor.Tensor;
import io.prodline.core.tensor.TensorJson;
import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorSpec;
import io.prodline.core.tensor.TensorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TF Serving's REST {@code :predict} for a model served as its graph's tensors ({@link TensorModel}), as TF Serving
 * reads and answers it for a SavedModel of several tensors: rows ({@code "instances"}: per row the one input's value,
 * or an object naming every input; the rows are stacked along a new first dimension) or columns ({@code "inputs"}:
 * the one input's whole tensor, or an object of every input's), nested JSON lists in the graph's element type, a
 * string as text or {@code {"b64": ...}}. Answered as {@code "predictions"} (per row the one output's value, or an
 * object of every output's) or {@code "outputs"} (the one output's whole tensor, or an object of every output's).
 */
public final class TfServingTensors {
  private TfServingTensors() {}

  /**
   * The answer to {@code body} from {@code model}.
   *
   * @param maxRows the most rows a request may hold
   * @param nonFinite which NaN and infinite float elements may reach the model
   */
  public static byte[] predict(byte[] body, TensorModel model, int maxRows, NonFiniteInputs nonFinite) {
    JsonNode root = MalformedJson.readTree(Json.REQUEST_TREES, body, body.length);
    if (root == null || !root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"instances\" or \"inputs\"");
    }
    JsonNode signature = root.get("signature_name");
    if (signature != null) {
      PredictRequestDecoder.checkSignature(signature.isTextual() ? signature.textValue() : null);
    }
    JsonNode instances = root.get("instances");
    JsonNode columns = root.get("inputs");
    if ((instances == null) == (columns == null)) {
      throw new BadRequestException(instances == null ? "the request has no \"instances\"; send {\"instances\": "
          + "[...]} with one value or object per row, or {\"inputs\": ...} with each input's whole tensor"
          : "the request has both \"instances\" and \"inputs\"; send one");
    }
    List<TensorSpec> specs = model.inputs();
    Map<String, Tensor> inputs = instances != null ? rows(instances, specs, maxRows, nonFinite)
        : columns(columns, specs, maxRows, nonFinite);
    List<String> names = model.outputs().stream().map(TensorSpec::name).toList();
    List<Tensor> outputs = model.run(inputs, names);
    return instances != null ? predictions(names, outputs) : outputsOf(names, outputs);
  }

  /** Each input's rows, stacked: a row is the one input's value, or an object of every input's. */
  private static Map<String, Tensor> rows(JsonNode instances, List<TensorSpec> specs, int maxRows,
      NonFiniteInputs nonFinite) {
    if (!instances.isArray() || instances.isEmpty()) {
      throw new BadRequestException("\"instances\" must be a non-empty list of rows");
    }
    if (instances.size() > maxRows) {
      throw new BadRequestException("the request has " + instances.size() + " rows, more than the " + maxRows
          + " this server accepts in one request; split it into smaller requests");
    }
    for (int row = 0; row < instances.size(); row++) { // each row's form once, not once per input
      JsonNode instance = instances.get(row);
      boolean named = instance.isObject() && !isB64(instance);
      if (specs.size() > 1 && !named) {
        throw new BadRequestException("instance " + row + " must be an object naming the model's inputs "
            + names(specs) + ", as the model has several");
      }
      if (named) {
        requireKnown(instance, specs, "instance " + row);
      }
    }
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : specs) {
      long[] shape = spec.shape();
      if (shape.length == 0 || shape[0] >= 0) {
        throw new BadRequestException("input '" + spec.name() + "' has no dimension of rows (its shape is "
            + Arrays.toString(shape) + "); send it in \"inputs\", the whole tensor");
      }
      List<JsonNode> values = new ArrayList<>(instances.size());
      for (int row = 0; row < instances.size(); row++) {
        JsonNode instance = instances.get(row);
        JsonNode value = instance.isObject() && !isB64(instance) ? instance.get(spec.name()) : instance;
        if (value == null) {
          throw new BadRequestException("instance " + row + " is missing input '" + spec.name() + "'");
        }
        values.add(value);
      }
      String what = "input '" + spec.name() + "'";
      long[] row = shapeOf(values.get(0));
      List<JsonNode> leaves = new ArrayList<>();
      for (JsonNode value : values) {
        flatten(value, row, 0, leaves, what);
      }
      long[] stacked = new long[row.length + 1];
      stacked[0] = values.size();
      System.arraycopy(row, 0, stacked, 1, row.length);
      inputs.put(spec.name(), tensor(spec, stacked, leaves, what, nonFinite));
    }
    return inputs;
  }

  /** Each input's whole tensor: the one input's value, or an object of every input's. */
  private static Map<String, Tensor> columns(JsonNode columns, List<TensorSpec> specs, int maxRows,
      NonFiniteInputs nonFinite) {
    boolean named = columns.isObject() && !isB64(columns);
    if (specs.size() > 1 && !named) {
      throw new BadRequestException("\"inputs\" must be an object naming the model's inputs " + names(specs)
          + ", as the model has several");
    }
    if (named) {
      requireKnown(columns, specs, "\"inputs\"");
    }
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : specs) {
      JsonNode value = named ? columns.get(spec.name()) : columns;
      if (value == null) {
        throw new BadRequestException("\"inputs\" is missing input '" + spec.name() + "'");
      }
      String what = "input '" + spec.name() + "'";
      long[] shape = shapeOf(value);
      if (shape.length > 0 && spec.shape().length > 0 && spec.shape()[0] < 0 && shape[0] > maxRows) {
        throw new BadRequestException(what + " has " + shape[0] + " rows, more than the " + maxRows
            + " this server accepts in one request; split it into smaller requests");
      }
      List<JsonNode> leaves = new ArrayList<>();
      flatten(value, shape, 0, leaves, what);
      inputs.put(spec.name(), tensor(spec, shape, leaves, what, nonFinite));
    }
    return inputs;
  }

  /** A request's object naming inputs holds only the model's, as TF Serving requires of it. */
  private static void requireKnown(JsonNode object, List<TensorSpec> specs, String where) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (specs.stream().noneMatch(s -> s.name().equals(name))) {
        throw new BadRequestException(where + " has unknown input '" + MessageText.shortened(name) + "'; the model "
            + "takes " + names(specs));
      }
    }
  }

  /** The tensor of {@code shape} holding {@code leaves}, in the spec's type; its shape must fit the spec's. */
  private static Tensor tensor(TensorSpec spec, long[] shape, List<JsonNode> leaves, String what,
      NonFiniteInputs nonFinite) {
    if (!spec.fits(shape)) {
      throw new BadRequestException(what + " has shape " + Arrays.toString(shape) + "; the model takes "
          + Arrays.toString(spec.shape()) + " (-1: any size)");
    }
    if (spec.type() == TensorType.STRING) {
      String[] strings = new String[leaves.size()];
      for (int i = 0; i < strings.length; i++) {
        strings[i] = text(leaves.get(i), what, i);
      }
      return Tensor.ofStrings(shape, strings);
    }
    ByteBuffer raw = ByteBuffer.allocate(leaves.size() * spec.type().elementBytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < leaves.size(); i++) {
      put(raw, spec.type(), leaves.get(i), what, i, nonFinite);
    }
    return Tensor.of(spec.type(), shape, raw.flip());
  }

  private static void put(ByteBuffer raw, TensorType type, JsonNode leaf, String what, int i,
      NonFiniteInputs nonFinite) {
    switch (type) {
      case BOOL -> {
        if (!leaf.isBoolean()) {
          throw wrong(what, i, "true or false", leaf);
        }
        raw.put((byte) (leaf.booleanValue() ? 1 : 0));
      }
      case UINT8, INT8, INT16, INT32, INT64 -> {
        if (!leaf.canConvertToExactIntegral() || !leaf.canConvertToLong()) {
          throw wrong(what, i, "an integer (" + type.name().toLowerCase(Locale.ROOT) + ")", leaf);
        }
        long value = leaf.longValue();
        long[] range = switch (type) {
          case UINT8 -> new long[] {0, 255};
          case INT8 -> new long[] {-128, 127};
          case INT16 -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
          case INT32 -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
          default -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        };
        if (value < range[0] || value > range[1]) {
          throw new BadRequestException(what + " element " + i + " is " + value + ", outside the "
              + type.name().toLowerCase(Locale.ROOT) + " range [" + range[0] + ", " + range[1] + "]");
        }
        switch (type.elementBytes()) {
          case 1 -> raw.put((byte) value);
          case 2 -> raw.putShort((short) value);
          case 4 -> raw.putInt((int) value);
          default -> raw.putLong(value);
        }
      }
      default -> {
        if (!leaf.isNumber()) {
          throw wrong(what, i, "a number", leaf);
        }
        double value = leaf.doubleValue();
        if (!nonFinite.accepts(value)) {
          throw NonFiniteInputs.refused(what + " element " + i, leaf.asText(), "send a finite number");
        }
        switch (type) {
          case FLOAT16 -> raw.putShort(HalfFloats.floatToHalf((float) value));
          case BFLOAT16 -> raw.putShort(HalfFloats.floatToBfloat16((float) value));
          case FLOAT32 -> raw.putFloat((float) value);
          default -> raw.putDouble(value);
        }
      }
    }
  }

  private static String text(JsonNode leaf, String what, int i) {
    if (leaf.isTextual()) {
      return leaf.textValue();
    }
    if (isB64(leaf) && leaf.get("b64").isTextual()) {
      byte[] bytes;
      try {
        bytes = Base64.getDecoder().decode(leaf.get("b64").textValue());
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(what + " element " + i + " has a \"b64\" value that is not base64");
      }
      return Utf8Text.decode(bytes, 0, bytes.length, what + " element " + i);
    }
    throw wrong(what, i, "a string or {\"b64\": ...}", leaf);
  }

  private static BadRequestException wrong(String what, int i, String expected, JsonNode leaf) {
    return new BadRequestException(what + " element " + i + " must be " + expected + " but got "
        + MessageText.shortened(leaf.toString()));
  }

  private static boolean isB64(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has("b64");
  }

  /** The dimensions of a nested list, from its first elements; a leaf (a value) has none. */
  private static long[] shapeOf(JsonNode value) {
    List<Long> dims = new ArrayList<>();
    for (JsonNode node = value; node.isArray(); node = node.isEmpty() ? null : node.get(0)) {
      dims.add((long) node.size());
      if (node.isEmpty()) {
        break;
      }
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  /** Appends the leaves of {@code value}, which must be a nested list of {@code shape} from {@code depth} on. */
  private static void flatten(JsonNode value, long[] shape, int depth, List<JsonNode> leaves, String what) {
    if (depth == shape.length) {
      if (value.isArray()) {
        throw new BadRequestException(what + " is nested deeper in some places than in others; send lists of "
            + "one shape");
      }
      leaves.add(value);
      return;
    }
    if (!value.isArray() || value.size() != shape[depth]) {
      throw new BadRequestException(what + " is not a list of one shape: a list at depth " + depth + " holds "
          + (value.isArray() ? value.size() + " elements" : "a value") + " where the first holds " + shape[depth]);
    }
    for (JsonNode element : value) {
      flatten(element, shape, depth + 1, leaves, what);
    }
  }

  /** {@code {"predictions": [...]}}: per row the one output's value, or an object of every output's. */
  private static byte[] predictions(List<String> names, List<Tensor> outputs) {
    long rows = -1;
    for (int o = 0; o < outputs.size(); o++) {
      long[] shape = outputs.get(o).shape();
      if (shape.length == 0 || (rows >= 0 && shape[0] != rows)) {
        throw new BadRequestException("the model's outputs do not share a first dimension of rows, so they cannot "
            + "be answered per row; send the request in \"inputs\", which is answered whole");
      }
      rows = shape[0];
    }
    long rowCount = rows;
    List<ByteBuffer> raws = outputs.stream().map(Tensor::raw).toList(); // taken once, not per row
    return write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("predictions");
      for (int row = 0; row < rowCount; row++) {
        if (outputs.size() == 1) {
          writeRow(g, outputs.get(0), raws.get(0), row);
        } else {
          g.writeStartObject();
          for (int o = 0; o < outputs.size(); o++) {
            g.writeFieldName(names.get(o));
            writeRow(g, outputs.get(o), raws.get(o), row);
          }
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code {"outputs": ...}}: the one output's whole tensor, or an object of every output's. */
  private static byte[] outputsOf(List<String> names, List<Tensor> outputs) {
    return write(g -> {
      g.writeStartObject();
      g.writeFieldName("outputs");
      if (outputs.size() == 1) {
        writeNested(g, outputs.get(0), outputs.get(0).raw(), outputs.get(0).shape(), 0, 0);
      } else {
        g.writeStartObject();
        for (int o = 0; o < outputs.size(); o++) {
          g.writeFieldName(names.get(o));
          writeNested(g, outputs.get(o), outputs.get(o).raw(), outputs.get(o).shape(), 0, 0);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  private static void writeRow(JsonGenerator g, Tensor tensor, ByteBuffer raw, int row) throws IOException {
    long[] shape = tensor.shape();
    long perRow = Tensor.elementCount(Arrays.copyOfRange(shape, 1, shape.length));
    writeNested(g, tensor, raw, shape, 1, row * perRow);
  }

  /** Writes the elements from {@code first} on as nested lists of {@code shape} from {@code depth} on. */
  private static void writeNested(JsonGenerator g, Tensor tensor, ByteBuffer raw, long[] shape, int depth,
      long first) throws IOException {
    if (depth == shape.length) {
      TensorJson.writeElement(g, tensor, raw, (int) first);
      return;
    }
    long step = Tensor.elementCount(Arrays.copyOfRange(shape, depth + 1, shape.length));
    g.writeStartArray();
    for (long i = 0; i < shape[depth]; i++) {
      writeNested(g, tensor, raw, shape, depth + 1, first + i * step);
    }
    g.writeEndArray();
  }

  private interface Writing {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      writing.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answer", e);
    }
    return out.toByteArray();
  }

  private static String names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList().toString();
  }

  /** TensorFlow's dtype of a graph's element type, for TF Serving's signature. */
  public static String dtype(TensorType type) {
    return switch (type) {
      case BOOL -> "DT_BOOL";
      case UINT8 -> "DT_UINT8";
      case INT8 -> "DT_INT8";
      case INT16 -> "DT_INT16";
      case INT32 -> "DT_INT32";
      case INT64 -> "DT_INT64";
      case FLOAT16 -> "DT_HALF";
      case BFLOAT16 -> "DT_BFLOAT16";
      case FLOAT32 -> "DT_FLOAT";
      case FLOAT64 -> "DT_DOUBLE";
      case STRING -> "DT_STRING";
    };
  }

  /** The signature's tensor of a graph's input or output. */
  public static ServingSignature.Tensor signature(TensorSpec spec) {
    return new ServingSignature.Tensor(spec.name(), dtype(spec.type()), spec.shape());
  }
}
