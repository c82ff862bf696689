package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.MessageText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads a tensor's JSON {@code data}, flat or nested as its shape says (row-major), token by token straight into
 * the primitive array of its {@link TensorData}, checking every element against the datatype so that the error
 * names the tensor, the element and what was expected. Only a refused element is turned into a tree, to show it
 * as the client wrote it.
 */
final class JsonTensorData {
  /** Reads one element as a tree, in the middle of the body. */
  private static final ObjectReader ELEMENT = Json.REQUEST_TREES.reader()
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Stores the flattened elements one by one, at the parser's current token. */
  private abstract static class Sink {
    abstract void accept(JsonParser parser, JsonToken token, int index) throws IOException;

    abstract TensorData data();
  }

  private JsonTensorData() {}

  /**
   * The elements of the {@code data} value at the parser's current token, a tensor of {@code shape} holding
   * {@code elements} elements; {@code data} is either flat or nested with one list per dimension, each as long as
   * its dimension. Leaves the parser on the value's last token.
   *
   * @param room how many bytes of JSON the value can take at most, from its first token
   */
  static TensorData read(JsonParser parser, DataType type, long[] shape, int elements, String tensor, long room)
      throws IOException {
    // Every element takes at least a byte of JSON: a shape the data cannot fill is refused before its array is
    // allocated, so a few bytes cannot claim gigabytes.
    if (elements > room) {
      throw new BadRequestException("input '" + tensor + "' has shape " + Arrays.toString(shape) + ", more "
          + "elements than the at most " + room + " bytes of its \"data\" can hold; send as many elements as its "
          + "shape says");
    }
    Sink sink = switch (type) {
      case BOOL -> new Bools(elements, tensor);
      case UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64 -> new Integers(elements, type, tensor);
      case FP16, BF16, FP32, FP64 -> new Floats(elements, type, tensor);
      case BYTES -> new Strings(elements, tensor);
    };
    new Elements(parser, shape, elements, tensor).visit(sink);
    return sink.data();
  }

  /** Visits the leaves of a tensor's {@code data} in row-major order, checking its layout against the shape. */
  private record Elements(JsonParser parser, long[] shape, int count, String tensor) {
    void visit(Sink sink) throws IOException {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw new BadRequestException("\"data\" of input '" + tensor + "' must be a list of elements");
      }
      JsonToken first = parser.nextToken();
      // A scalar (shape []) has no dimension to nest by: its one element comes flat, as [x].
      if (shape.length > 0 && first == JsonToken.START_ARRAY) {
        list(0, first, sink, 0);
      } else {
        flat(first, sink);
      }
    }

    private void flat(JsonToken first, Sink sink) throws IOException {
      int index = 0;
      for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          throw unlikeShape();
        }
        if (index == count) {
          throw new BadRequestException("input '" + tensor + "' has more elements in \"data\" than its shape's "
              + count);
        }
        sink.accept(parser, t, index++);
      }
      if (index != count) {
        throw new BadRequestException("input '" + tensor + "' has " + index + " elements in \"data\" but its "
            + "shape needs " + count);
      }
    }

    /**
     * Reads the rest of a list of dimension {@code depth}, whose first element's token is {@code first}; returns
     * the index of the next element. Each list must be as long as its dimension, and hold lists down to the last.
     */
    private int list(int depth, JsonToken first, Sink sink, int next) throws IOException {
      boolean last = depth == shape.length - 1;
      int index = next;
      long size = 0;
      for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        if (++size > shape[depth] || (t == JsonToken.START_ARRAY) == last) {
          throw unlikeShape();
        }
        if (last) {
          sink.accept(parser, t, index++);
        } else {
          index = list(depth + 1, parser.nextToken(), sink, index);
        }
      }
      if (size != shape[depth]) {
        throw unlikeShape();
      }
      return index;
    }

    private BadRequestException unlikeShape() {
      return new BadRequestException("input '" + tensor + "' has \"data\" nested unlike its shape "
          + Arrays.toString(shape) + "; send the elements as one flat list, or nested with one list per dimension");
    }
  }

  private static final class Bools extends Sink {
    private final boolean[] values;
    private final String tensor;

    Bools(int elements, String tensor) {
      this.values = new boolean[elements];
      this.tensor = tensor;
    }

    @Override
    void accept(JsonParser parser, JsonToken token, int index) throws IOException {
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        throw wrong(parser, tensor, index, "true or false (BOOL)");
      }
      values[index] = token == JsonToken.VALUE_TRUE;
    }

    @Override
    TensorData data() {
      return new TensorData.Bools(values);
    }
  }

  /**
   * Integers, range-checked for the datatype; a float holding an exact integer counts as one. UINT64 values above
   * {@link Long#MAX_VALUE} are stored as their two's-complement bits, as {@link TensorData.Longs} stores them.
   */
  private static final class Integers extends Sink {
    private final long[] values;
    private final DataType type;
    private final String tensor;

    Integers(int elements, DataType type, String tensor) {
      this.values = new long[elements];
      this.type = type;
      this.tensor = tensor;
    }

    @Override
    void accept(JsonParser parser, JsonToken token, int index) throws IOException {
      if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        long value = parser.getLongValue();
        if (type.isUnsigned() ? value < 0 || !type.holds(value) : !type.holds(value)) {
          throw outOfRange(BigInteger.valueOf(value), index);
        }
        values[index] = value;
        return;
      }
      BigInteger value;
      if (token == JsonToken.VALUE_NUMBER_INT) {
        value = parser.getBigIntegerValue();
      } else if (token == JsonToken.VALUE_NUMBER_FLOAT && exactInteger(parser.getDoubleValue())) {
        value = BigDecimal.valueOf(parser.getDoubleValue()).toBigInteger();
      } else {
        throw wrong(parser, tensor, index, "an integer (" + type + ")");
      }
      if (value.compareTo(min()) < 0 || value.compareTo(max()) > 0) {
        throw outOfRange(value, index);
      }
      values[index] = value.longValue();
    }

    private static boolean exactInteger(double value) {
      return value == Math.rint(value) && !Double.isInfinite(value);
    }

    private BigInteger min() {
      int bits = type.elementBytes() * 8;
      return type.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    }

    private BigInteger max() {
      int bits = type.elementBytes() * 8;
      return BigInteger.ONE.shiftLeft(type.isUnsigned() ? bits : bits - 1).subtract(BigInteger.ONE);
    }

    private BadRequestException outOfRange(BigInteger value, int index) {
      return new BadRequestException("input '" + tensor + "' element " + index + " is " + value + ", outside the "
          + type + " range [" + min() + ", " + max() + "]");
    }

    @Override
    TensorData data() {
      return new TensorData.Longs(values, type.isUnsigned());
    }
  }

  /**
   * Numbers, range-checked for the datatype. NaN and infinities are left to {@link FrameAssembler}, which applies
   * the model's rule for them to every transport.
   */
  private static final class Floats extends Sink {
    /** The largest finite bfloat16, 0x7f7f: a float's exponent range with 8 bits of precision. */
    private static final double BF16_MAX = Float.intBitsToFloat(0x7f7f0000);

    private final double[] values;
    private final DataType type;
    private final double largest;
    private final String tensor;

    Floats(int elements, DataType type, String tensor) {
      this.values = new double[elements];
      this.type = type;
      this.largest = switch (type) {
        case FP16 -> 65504;
        case BF16 -> BF16_MAX;
        case FP32 -> Float.MAX_VALUE;
        default -> Double.MAX_VALUE;
      };
      this.tensor = tensor;
    }

    @Override
    void accept(JsonParser parser, JsonToken token, int index) throws IOException {
      if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
        throw wrong(parser, tensor, index, "a number (" + type + ")");
      }
      double value = parser.getDoubleValue();
      if (Math.abs(value) > largest && Double.isFinite(value)) {
        String bound = type == DataType.FP16 ? "65504" : Float.toString((float) largest);
        throw new BadRequestException("input '" + tensor + "' element " + index + " is " + tree(parser).asText()
            + ", outside the " + type + " range [-" + bound + ", " + bound + "]");
      }
      values[index] = type == DataType.FP64 ? value : (float) value;
    }

    @Override
    TensorData data() {
      return new TensorData.Doubles(values);
    }
  }

  private static final class Strings extends Sink {
    private final String[] values;
    private final String tensor;

    Strings(int elements, String tensor) {
      this.values = new String[elements];
      this.tensor = tensor;
    }

    @Override
    void accept(JsonParser parser, JsonToken token, int index) throws IOException {
      if (token != JsonToken.VALUE_STRING) {
        throw wrong(parser, tensor, index, "a string (BYTES)");
      }
      values[index] = parser.getText();
    }

    @Override
    TensorData data() {
      return new TensorData.Strings(values);
    }
  }

  /** The value at the parser's current token as a tree, to show a refused element as JSON. */
  private static JsonNode tree(JsonParser parser) throws IOException {
    return ELEMENT.readTree(parser);
  }

  private static BadRequestException wrong(JsonParser parser, String tensor, int index, String expected)
      throws IOException {
    return new BadRequestException("input '" + tensor + "' element " + index + " must be " + expected + " but is "
        + MessageText.shortened(tree(parser).toString()));
  }
}
