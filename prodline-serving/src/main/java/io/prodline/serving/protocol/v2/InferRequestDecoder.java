package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.MalformedJson;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the REST inference body of the Open Inference Protocol,
 * {@code {"id", "parameters", "inputs": [{"name", "shape", "datatype", "data"}], "outputs": [{"name"}]}}, with the
 * binary tensor data extension: when the request has an {@code Inference-Header-Content-Length}, only that many
 * leading bytes are JSON and the rest holds the raw data of the inputs that give
 * {@code parameters.binary_data_size}, in the order of the inputs (layout as in {@link RawTensors}).
 *
 * <p>{@code data} may be flat, or nested with one list per dimension of the shape (row-major). Each element must
 * be what its datatype says — a boolean, an integer or a float within the type's range (a float holding an exact
 * integer counts as an integer), or a string for BYTES — and the element count must match the shape. Unknown
 * fields are errors, since they are usually misspellings; unknown {@code parameters} are ignored, since
 * parameters are how protocol extensions talk.
 * Output parameters: {@code binary_data} per output, or {@code binary_data_output} for the whole request, asks
 * for outputs as binary data.
 */
public final class InferRequestDecoder {
  private static final Set<String> REQUEST_FIELDS = Set.of("id", "parameters", "inputs", "outputs");
  private static final Set<String> INPUT_FIELDS = Set.of("name", "shape", "datatype", "parameters", "data");
  private static final Set<String> OUTPUT_FIELDS = Set.of("name", "parameters");

  private InferRequestDecoder() {}

  /**
   * Decodes {@code body}; {@code jsonLength} is the {@code Inference-Header-Content-Length} value, or -1 when
   * the request has none (the whole body is JSON).
   */
  public static InferenceRequest decode(byte[] body, int jsonLength) {
    if (jsonLength > body.length) {
      throw new BadRequestException("Inference-Header-Content-Length is " + jsonLength + " but the body has only "
          + body.length + " bytes");
    }
    int headerEnd = jsonLength < 0 ? body.length : jsonLength;
    JsonNode root = parse(body, headerEnd);
    checkFields(root, REQUEST_FIELDS, "the request");
    String id = optionalText(root, "id", "the request");
    JsonNode inputsNode = root.get("inputs");
    if (inputsNode == null || !inputsNode.isArray() || inputsNode.isEmpty()) {
      throw new BadRequestException("the request needs \"inputs\": a list of tensors {\"name\", \"shape\", "
          + "\"datatype\", \"data\"}, one per model input");
    }
    ByteBuffer binary = ByteBuffer.wrap(body, headerEnd, body.length - headerEnd);
    List<InputTensor> inputs = new ArrayList<>();
    for (JsonNode input : inputsNode) {
      inputs.add(input(input, binary, jsonLength >= 0));
    }
    if (binary.hasRemaining()) {
      throw new BadRequestException(binary.remaining() + " bytes of binary data after the JSON are not claimed by "
          + "any input's binary_data_size");
    }
    boolean binaryOutputs = bool(root.get("parameters"), "binary_data_output", "the request");
    List<RequestedOutput> outputs = new ArrayList<>();
    JsonNode outputsNode = root.get("outputs");
    if (outputsNode != null) {
      if (!outputsNode.isArray()) {
        throw new BadRequestException("\"outputs\" must be a list of {\"name\"} objects");
      }
      for (JsonNode output : outputsNode) {
        checkFields(output, OUTPUT_FIELDS, "an output");
        String name = requiredText(output, "name", "an output");
        JsonNode parameters = output.get("parameters");
        boolean binaryOutput = parameters != null && parameters.has("binary_data")
            ? bool(parameters, "binary_data", "output '" + name + "'") : binaryOutputs;
        outputs.add(new RequestedOutput(name, binaryOutput));
      }
    }
    return new InferenceRequest(id, inputs, outputs, binaryOutputs);
  }

  private static InputTensor input(JsonNode input, ByteBuffer binary, boolean binaryAllowed) {
    checkFields(input, INPUT_FIELDS, "an input");
    String name = requiredText(input, "name", "an input");
    DataType type = DataType.parse(requiredText(input, "datatype", "input '" + name + "'"), name);
    long[] shape = shape(input.get("shape"), name);
    int elements = Shapes.elementCount(shape, name);
    JsonNode parameters = input.get("parameters");
    JsonNode binarySize = parameters == null ? null : parameters.get("binary_data_size");
    JsonNode data = input.get("data");
    if (binarySize != null) {
      if (!binaryAllowed) {
        throw new BadRequestException("input '" + name + "' gives binary_data_size but the request has no "
            + "Inference-Header-Content-Length header saying where the JSON ends");
      }
      if (data != null) {
        throw new BadRequestException("input '" + name + "' has both \"data\" and binary_data_size; send one");
      }
      if (!binarySize.canConvertToInt() || !binarySize.isIntegralNumber() || binarySize.intValue() < 0) {
        throw new BadRequestException("input '" + name + "' binary_data_size must be a non-negative integer");
      }
      int size = binarySize.intValue();
      if (size > binary.remaining()) {
        throw new BadRequestException("input '" + name + "' claims " + size + " bytes of binary data but only "
            + binary.remaining() + " are left after the JSON");
      }
      ByteBuffer raw = binary.slice(binary.position(), size);
      binary.position(binary.position() + size);
      return new InputTensor(name, type, shape, RawTensors.decode(raw, type, elements, name));
    }
    if (data == null) {
      throw new BadRequestException("input '" + name + "' has no \"data\"");
    }
    return new InputTensor(name, type, shape, JsonTensorData.read(data, type, shape, elements, name));
  }

  private static long[] shape(JsonNode shape, String tensor) {
    if (shape == null || !shape.isArray()) {
      throw new BadRequestException("input '" + tensor + "' needs \"shape\", a list of dimensions such as [2]");
    }
    long[] dims = new long[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      JsonNode dim = shape.get(i);
      if (!dim.isIntegralNumber() || !dim.canConvertToLong()) {
        throw new BadRequestException("input '" + tensor + "' shape " + shape + " must hold integers");
      }
      dims[i] = dim.longValue();
    }
    return dims;
  }

  private static JsonNode parse(byte[] body, int length) {
    JsonNode root = MalformedJson.readTree(Json.REQUEST_TREES, body, length);
    if (root == null || root.isMissingNode() || !root.isObject()) {
      throw new BadRequestException("the request body must be a JSON object with \"inputs\"");
    }
    return root;
  }

  private static void checkFields(JsonNode node, Set<String> allowed, String what) {
    if (!node.isObject()) {
      throw new BadRequestException(what + " must be a JSON object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new BadRequestException("unknown field '" + key + "' in " + what + "; expected " + allowed);
      }
    }
  }

  private static String requiredText(JsonNode node, String field, String what) {
    String text = optionalText(node, field, what);
    if (text.isEmpty()) {
      throw new BadRequestException(what + " needs a \"" + field + "\"");
    }
    return text;
  }

  private static String optionalText(JsonNode node, String field, String what) {
    JsonNode value = node.get(field);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw new BadRequestException("\"" + field + "\" of " + what + " must be a string");
    }
    return value.textValue();
  }

  private static boolean bool(JsonNode parameters, String name, String what) {
    JsonNode value = parameters == null ? null : parameters.get(name);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new BadRequestException("parameter " + name + " of " + what + " must be true or false");
    }
    return value.booleanValue();
  }
}
