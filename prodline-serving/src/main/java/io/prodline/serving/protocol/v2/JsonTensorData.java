package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.MessageText;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Reads a tensor's JSON {@code data}, flat or nested as its shape says (row-major), into {@link TensorData},
 * checking every element against the datatype so that the error names the tensor, the element and what was
 * expected.
 */
final class JsonTensorData {
  /** Receives the flattened elements one by one. */
  private interface Sink {
    void accept(JsonNode element, int index);
  }

  private JsonTensorData() {}

  /**
   * The elements of {@code data}, a tensor of {@code shape} holding {@code elements} elements; {@code data} is
   * either flat or nested with one list per dimension, each as long as its dimension.
   */
  static TensorData read(JsonNode data, DataType type, long[] shape, int elements, String tensor) {
    Elements all = new Elements(shape, elements, tensor);
    return switch (type) {
      case BOOL -> {
        boolean[] values = new boolean[elements];
        all.visit(data, (e, i) -> {
          if (!e.isBoolean()) {
            throw wrong(tensor, i, e, "true or false (BOOL)");
          }
          values[i] = e.booleanValue();
        });
        yield new TensorData.Bools(values);
      }
      case UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64 -> {
        long[] values = new long[elements];
        all.visit(data, (e, i) -> values[i] = integer(e, type, tensor, i));
        yield new TensorData.Longs(values, type.isUnsigned());
      }
      case FP16, FP32, FP64 -> {
        double[] values = new double[elements];
        all.visit(data, (e, i) -> values[i] = floatingPoint(e, type, tensor, i));
        yield new TensorData.Doubles(values);
      }
      case BYTES -> {
        String[] values = new String[elements];
        all.visit(data, (e, i) -> {
          if (!e.isTextual()) {
            throw wrong(tensor, i, e, "a string (BYTES)");
          }
          values[i] = e.textValue();
        });
        yield new TensorData.Strings(values);
      }
    };
  }

  /** Visits the leaves of a tensor's {@code data} in row-major order, checking its layout against the shape. */
  private record Elements(long[] shape, int count, String tensor) {
    void visit(JsonNode data, Sink sink) {
      if (!data.isArray()) {
        throw new BadRequestException("\"data\" of input '" + tensor + "' must be a list of elements");
      }
      // A scalar (shape []) has no dimension to nest by: its one element comes flat, as [x].
      if (shape.length > 0 && !data.isEmpty() && data.get(0).isArray()) {
        nested(data, 0, sink, 0);
      } else {
        flat(data, sink);
      }
    }

    private void flat(JsonNode data, Sink sink) {
      int index = 0;
      for (JsonNode element : data) {
        if (element.isArray()) {
          throw unlikeShape();
        }
        if (index == count) {
          throw new BadRequestException("input '" + tensor + "' has more elements in \"data\" than its shape's "
              + count);
        }
        sink.accept(element, index++);
      }
      if (index != count) {
        throw new BadRequestException("input '" + tensor + "' has " + index + " elements in \"data\" but its "
            + "shape needs " + count);
      }
    }

    /** Visits {@code list}, the data of dimension {@code depth}; returns the index of the next element. */
    private int nested(JsonNode list, int depth, Sink sink, int next) {
      if (!list.isArray() || list.size() != shape[depth]) {
        throw unlikeShape();
      }
      boolean last = depth == shape.length - 1;
      int index = next;
      for (JsonNode element : list) {
        if (last) {
          if (element.isArray()) {
            throw unlikeShape();
          }
          sink.accept(element, index++);
        } else {
          index = nested(element, depth + 1, sink, index);
        }
      }
      return index;
    }

    private BadRequestException unlikeShape() {
      return new BadRequestException("input '" + tensor + "' has \"data\" nested unlike its shape "
          + Arrays.toString(shape) + "; send the elements as one flat list, or nested with one list per dimension");
    }
  }

  /**
   * The element as a long, range-checked for the datatype; UINT64 values above {@link Long#MAX_VALUE} come back
   * as their two's-complement bits, as {@link TensorData.Longs} stores them.
   */
  private static long integer(JsonNode e, DataType type, String tensor, int index) {
    BigInteger value;
    if (e.isIntegralNumber()) {
      value = e.canConvertToLong() ? BigInteger.valueOf(e.longValue()) : e.bigIntegerValue();
    } else if (e.isFloatingPointNumber() && e.doubleValue() == Math.rint(e.doubleValue())
        && !Double.isInfinite(e.doubleValue())) {
      value = e.decimalValue().toBigInteger();
    } else {
      throw wrong(tensor, index, e, "an integer (" + type + ")");
    }
    int bits = type.elementBytes() * 8;
    BigInteger min = type.isUnsigned() ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
    BigInteger max = BigInteger.ONE.shiftLeft(type.isUnsigned() ? bits : bits - 1).subtract(BigInteger.ONE);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new BadRequestException("input '" + tensor + "' element " + index + " is " + value + ", outside the "
          + type + " range [" + min + ", " + max + "]");
    }
    return value.longValue();
  }

  /**
   * The element as a double, range-checked for the datatype. NaN and infinities are left to
   * {@link FrameAssembler}, which applies the server's rule for them to every transport.
   */
  private static double floatingPoint(JsonNode e, DataType type, String tensor, int index) {
    if (!e.isNumber()) {
      throw wrong(tensor, index, e, "a number (" + type + ")");
    }
    double value = e.doubleValue();
    double largest = switch (type) {
      case FP16 -> 65504;
      case FP32 -> Float.MAX_VALUE;
      default -> Double.MAX_VALUE;
    };
    if (Math.abs(value) > largest && Double.isFinite(value)) {
      String bound = type == DataType.FP32 ? Float.toString(Float.MAX_VALUE) : "65504";
      throw new BadRequestException("input '" + tensor + "' element " + index + " is " + e.asText() + ", outside the "
          + type + " range [-" + bound + ", " + bound + "]");
    }
    return type == DataType.FP64 ? value : (float) value;
  }

  private static BadRequestException wrong(String tensor, int index, JsonNode element, String expected) {
    return new BadRequestException("input '" + tensor + "' element " + index + " must be " + expected + " but is "
        + MessageText.shortened(element.toString()));
  }
}
