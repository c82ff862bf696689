package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.MalformedJson;
import io.prodline.serving.protocol.Utf8Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
 * for outputs as binary data; {@code classification}, a positive integer, for an output's top classes (Triton's
 * classification extension).
 *
 * <p>The JSON is read token by token (Jackson's streaming parser, no tree), and each tensor's {@code data} goes
 * straight into its primitive array ({@link JsonTensorData}). The fields of an object may come in any order: when
 * {@code data} comes before the name, datatype or shape it needs, only its place in the body is kept, and it is
 * read from there once the object has ended. JSON that is not UTF-8 is refused before it is read ({@link Utf8Json});
 * a body that is not JSON is answered as {@link MalformedJson} words it, whatever else is wrong with it, as if it
 * had been parsed whole first.
 */
public final class InferRequestDecoder {
  private static final String NEEDS_INPUTS = "the request needs \"inputs\": a list of tensors {\"name\", \"shape\", "
      + "\"datatype\", \"data\"}, one per model input";

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
    Utf8Json.require(body, headerEnd);
    ByteBuffer binary = ByteBuffer.wrap(body, headerEnd, body.length - headerEnd);
    try (JsonParser parser = Json.REQUESTS.createParser(body, 0, headerEnd)) {
      try {
        return new Reader(parser, body, headerEnd, binary, jsonLength >= 0).read();
      } catch (BadRequestException e) {
        finish(parser);
        throw e;
      }
    } catch (JsonProcessingException e) {
      throw MalformedJson.of(e, body);
    } catch (IOException e) {
      throw MalformedJson.unreadable(e); // declared by the parser; bytes in memory fail only as JSON
    }
  }

  /** Reads to the end of the JSON, so that a syntax error or trailing garbage is reported first. */
  private static void finish(JsonParser parser) throws IOException {
    while (!parser.getParsingContext().inRoot()) {
      parser.nextToken();
    }
    if (parser.nextToken() != null) {
      throw MalformedJson.trailing(parser.currentTokenLocation());
    }
  }

  /** One decoding pass over the JSON. */
  private static final class Reader {
    private final JsonParser parser;
    private final byte[] body;
    /** Where the JSON ends in the body. */
    private final int jsonEnd;
    private final ByteBuffer binary;
    private final boolean binaryAllowed;

    Reader(JsonParser parser, byte[] body, int jsonEnd, ByteBuffer binary, boolean binaryAllowed) {
      this.parser = parser;
      this.body = body;
      this.jsonEnd = jsonEnd;
      this.binary = binary;
      this.binaryAllowed = binaryAllowed;
    }

    InferenceRequest read() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRequestException("the request body must be a JSON object with \"inputs\"");
      }
      String id = "";
      List<InputTensor> inputs = null;
      List<OutputFields> outputs = List.of();
      Scalar binaryOutputs = null;
      boolean tfServingRows = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (key) {
          case "id" -> id = id(value);
          case "inputs" -> inputs = inputs(value);
          case "outputs" -> outputs = outputs(value);
          case "parameters" -> binaryOutputs = parameters(value).binaryDataOutput();
          default -> { // read past, as Triton and KServe's servers do: clients send "model_name" and the like
            tfServingRows |= key.equals("instances");
            parser.skipChildren();
          }
        }
      }
      if (parser.nextToken() != null) {
        throw MalformedJson.trailing(parser.currentTokenLocation());
      }
      if (inputs == null || inputs.isEmpty()) {
        throw new BadRequestException(NEEDS_INPUTS + (tfServingRows ? "; \"instances\" is TF Serving's format, which "
            + "POST /v1/models/<model>:predict takes" : ""));
      }
      if (binary.hasRemaining()) {
        throw new BadRequestException(binary.remaining() + " bytes of binary data after the JSON are not claimed by "
            + "any input's binary_data_size");
      }
      boolean binaryDefault = bool(binaryOutputs, "binary_data_output", "the request");
      List<RequestedOutput> requested = new ArrayList<>(outputs.size());
      for (OutputFields output : outputs) {
        requested.add(output.requested(binaryDefault));
      }
      return new InferenceRequest(id, inputs, requested, binaryDefault);
    }

    private String id(JsonToken value) throws IOException {
      if (value != JsonToken.VALUE_STRING) {
        throw new BadRequestException("\"id\" of the request must be a string");
      }
      return parser.getText();
    }

    /** The inputs list, each input decoded as it comes. */
    private List<InputTensor> inputs(JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        throw new BadRequestException(NEEDS_INPUTS);
      }
      List<InputTensor> inputs = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          throw new BadRequestException("an input must be a JSON object");
        }
        inputs.add(input());
      }
      return inputs;
    }

    private InputTensor input() throws IOException {
      InputFields fields = new InputFields();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (key) {
          case "name" -> fields.name = scalar(value);
          case "datatype" -> fields.datatype = scalar(value);
          case "shape" -> fields.shape = shape(value);
          case "parameters" -> fields.binarySize = parameters(value).binaryDataSize();
          case "data" -> data(fields, value);
          default -> parser.skipChildren();
        }
      }
      return fields.tensor();
    }

    /**
     * Reads {@code data} straight into its tensor when the name, datatype and shape came before it (the usual
     * order); otherwise keeps where it lies in the body, to read once they are known.
     */
    private void data(InputFields fields, JsonToken value) throws IOException {
      fields.hasData = true;
      if (fields.name != null && fields.datatype != null && fields.shape != null && fields.binarySize == null) {
        fields.header();
        fields.data = JsonTensorData.read(parser, fields.type, fields.shape.dims(), fields.elements, fields.tensor,
            jsonEnd - parser.currentTokenLocation().getByteOffset());
        return;
      }
      fields.dataStart = (int) parser.currentTokenLocation().getByteOffset();
      parser.skipChildren();
      parser.finishToken(); // a string's end is found only when it is read
      fields.dataEnd = (int) parser.currentLocation().getByteOffset();
    }

    /** The fields of one input, checked in a fixed order once all are read, whatever their order in the body. */
    private final class InputFields {
      Scalar name;
      Scalar datatype;
      Shape shape;
      /** The binary_data_size value when present: a number, or something it must not be. */
      Scalar binarySize;
      boolean hasData;
      /** Where {@code data} lies in the body when it came before the fields it needs. */
      int dataStart;
      int dataEnd;
      TensorData data;
      /** Set by {@link #header}. */
      String tensor;
      DataType type;
      int elements;

      /** Checks the name, datatype and shape; the tensor is named from here on. */
      void header() {
        tensor = requiredText(name, "name", "an input");
        type = DataType.parse(requiredText(datatype, "datatype", "input '" + tensor + "'"), tensor);
        if (shape == null || shape.dims() == null) {
          throw new BadRequestException("input '" + tensor + "' needs \"shape\", a list of dimensions such as [2]");
        }
        if (shape.invalid() != null) {
          throw new BadRequestException("input '" + tensor + "' shape " + shape.invalid() + " must hold integers");
        }
        elements = Shapes.elementCount(shape.dims(), tensor);
      }

      InputTensor tensor() throws IOException {
        if (tensor == null) {
          header();
        }
        if (binarySize != null) {
          return binaryTensor();
        }
        if (!hasData) {
          throw new BadRequestException("input '" + tensor + "' has no \"data\"");
        }
        if (data == null) {
          data = deferredData();
        }
        return new InputTensor(tensor, type, shape.dims(), data);
      }

      private TensorData deferredData() throws IOException {
        try (JsonParser deferred = Json.REQUESTS.createParser(body, dataStart, dataEnd - dataStart)) {
          deferred.nextToken();
          return JsonTensorData.read(deferred, type, shape.dims(), elements, tensor, dataEnd - dataStart);
        }
      }

      private InputTensor binaryTensor() {
        if (!binaryAllowed) {
          throw new BadRequestException("input '" + tensor + "' gives binary_data_size but the request has no "
              + "Inference-Header-Content-Length header saying where the JSON ends");
        }
        if (hasData) {
          throw new BadRequestException("input '" + tensor + "' has both \"data\" and binary_data_size; send one");
        }
        if (binarySize.token() != JsonToken.VALUE_NUMBER_INT || binarySize.number() < 0
            || binarySize.number() > Integer.MAX_VALUE) {
          throw new BadRequestException("input '" + tensor + "' binary_data_size must be a non-negative integer");
        }
        int size = (int) binarySize.number();
        if (size > binary.remaining()) {
          throw new BadRequestException("input '" + tensor + "' claims " + size + " bytes of binary data but only "
              + binary.remaining() + " are left after the JSON");
        }
        ByteBuffer raw = binary.slice(binary.position(), size);
        binary.position(binary.position() + size);
        return new InputTensor(tensor, type, shape.dims(), RawTensors.decode(raw, type, elements, tensor));
      }
    }

    private List<OutputFields> outputs(JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        throw new BadRequestException("\"outputs\" must be a list of {\"name\"} objects");
      }
      List<OutputFields> outputs = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          throw new BadRequestException("an output must be a JSON object");
        }
        Scalar name = null;
        Parameters parameters = Parameters.NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonToken field = parser.nextToken();
          switch (key) {
            case "name" -> name = scalar(field);
            case "parameters" -> parameters = parameters(field);
            default -> parser.skipChildren();
          }
        }
        outputs.add(new OutputFields(requiredText(name, "name", "an output"), parameters.binaryData(),
            parameters.classification()));
      }
      return outputs;
    }

    /**
     * The parameters object at {@code value}. Parameters that are not an object are ignored, as are parameters
     * this server does not read.
     */
    private Parameters parameters(JsonToken value) throws IOException {
      if (value != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return Parameters.NONE;
      }
      Scalar binaryDataSize = null;
      Scalar binaryDataOutput = null;
      Scalar binaryData = null;
      Scalar classification = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken parameter = parser.nextToken();
        switch (key) {
          case "binary_data_size" -> binaryDataSize = scalar(parameter);
          case "binary_data_output" -> binaryDataOutput = scalar(parameter);
          case "binary_data" -> binaryData = scalar(parameter);
          case RequestedOutput.CLASSIFICATION -> classification = scalar(parameter);
          default -> parser.skipChildren();
        }
      }
      return new Parameters(binaryDataSize, binaryDataOutput, binaryData, classification);
    }

    /** The value at {@code value} as a scalar; a list or an object is skipped and kept as its opening token. */
    private Scalar scalar(JsonToken value) throws IOException {
      return switch (value) {
        case VALUE_STRING -> new Scalar(value, parser.getText(), 0);
        case VALUE_NUMBER_INT -> new Scalar(value, null,
            parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? -1 : parser.getLongValue());
        default -> {
          parser.skipChildren();
          yield new Scalar(value, null, 0);
        }
      };
    }

    /** The shape at {@code value}; a list holding anything but integers keeps its JSON, for the message. */
    private Shape shape(JsonToken value) throws IOException {
      if (value != JsonToken.START_ARRAY) {
        parser.skipChildren();
        return new Shape(null, null);
      }
      long start = parser.currentTokenLocation().getByteOffset();
      long[] dims = new long[4];
      int n = 0;
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          parser.skipChildren();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            parser.skipChildren();
          }
          return new Shape(new long[0], asJson(start, parser.currentLocation().getByteOffset()));
        }
        if (n == dims.length) {
          dims = Arrays.copyOf(dims, n * 2);
        }
        dims[n++] = parser.getLongValue();
      }
      return new Shape(Arrays.copyOf(dims, n), null);
    }

    /** The JSON value between those body offsets, written compactly as a tree writes it. */
    private String asJson(long start, long end) throws IOException {
      return Json.REQUEST_TREES.readTree(body, (int) start, (int) (end - start)).toString();
    }
  }

  /**
   * A scalar field's value: its token, and its text (strings) or number (integers; -1 for one beyond a long).
   */
  private record Scalar(JsonToken token, String text, long number) {}

  /**
   * A shape: {@code dims} null when the value is not a list; {@code invalid}, the list's JSON, when it holds
   * anything but integers.
   */
  private record Shape(long[] dims, String invalid) {}

  /**
   * The parameters this server reads, each {@code null} when absent: an input's {@code binary_data_size}, the
   * request's {@code binary_data_output}, an output's {@code binary_data} and {@code classification}.
   */
  private record Parameters(Scalar binaryDataSize, Scalar binaryDataOutput, Scalar binaryData,
      Scalar classification) {
    static final Parameters NONE = new Parameters(null, null, null, null);
  }

  /** An output as asked: its name, and its binary_data and classification parameters when given. */
  private record OutputFields(String name, Scalar binaryData, Scalar classification) {
    RequestedOutput requested(boolean binaryDefault) {
      return new RequestedOutput(name,
          binaryData != null ? bool(binaryData, "binary_data", "output '" + name + "'") : binaryDefault,
          classification == null ? 0 : RequestedOutput.classCount(
              classification.token() == JsonToken.VALUE_NUMBER_INT ? classification.number() : null, name));
    }
  }

  private static String requiredText(Scalar value, String field, String what) {
    if (value != null && value.token() != JsonToken.VALUE_STRING) {
      throw new BadRequestException("\"" + field + "\" of " + what + " must be a string");
    }
    if (value == null || value.text().isEmpty()) {
      throw new BadRequestException(what + " needs a \"" + field + "\"");
    }
    return value.text();
  }

  private static boolean bool(Scalar value, String name, String what) {
    if (value == null) {
      return false;
    }
    if (value.token() != JsonToken.VALUE_TRUE && value.token() != JsonToken.VALUE_FALSE) {
      throw new BadRequestException("parameter " + name + " of " + what + " must be true or false");
    }
    return value.token() == JsonToken.VALUE_TRUE;
  }
}
