package io.prodline.serving.protocol.v2;

import io.prodline.core.numbers.HalfFloats;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Utf8Text;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw tensor layout shared by the REST binary tensor data extension and gRPC's {@code raw_input_contents} /
 * {@code raw_output_contents}: elements flattened in row-major order, little-endian, without padding; a BOOL is
 * one byte (0 or 1); a BYTES element is a 4-byte little-endian length followed by that many bytes.
 */
public final class RawTensors {
  private RawTensors() {}

  /**
   * Decodes {@code elements} elements of {@code type} that fill {@code raw} exactly.
   *
   * @throws BadRequestException when the bytes do not hold exactly that many elements
   */
  public static TensorData decode(ByteBuffer raw, DataType type, long elements, String tensor) {
    ByteBuffer in = raw.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (type == DataType.BYTES) {
      return decodeBytes(in, elements, tensor);
    }
    long expected = elements * type.elementBytes();
    if (in.remaining() != expected) {
      throw new BadRequestException("input '" + tensor + "' has " + in.remaining() + " bytes of raw data but its "
          + "shape and datatype " + type + " need " + expected);
    }
    int n = (int) elements;
    return switch (type) {
      case BOOL -> {
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
          byte b = in.get();
          if (b != 0 && b != 1) {
            throw new BadRequestException("input '" + tensor + "' raw BOOL element " + i + " is the byte "
                + Byte.toUnsignedInt(b) + "; a BOOL is 0 (false) or 1 (true)");
          }
          values[i] = b == 1;
        }
        yield new TensorData.Bools(values);
      }
      case UINT8, UINT16, UINT32, UINT64, INT8, INT16, INT32, INT64 -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = readInteger(in, type);
        }
        yield new TensorData.Longs(values, type.isUnsigned());
      }
      case FP16, BF16, FP32, FP64 -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = switch (type) {
            case FP16 -> HalfFloats.halfToFloat(in.getShort());
            case BF16 -> HalfFloats.bfloat16ToFloat(in.getShort());
            case FP32 -> in.getFloat();
            default -> in.getDouble();
          };
        }
        yield new TensorData.Doubles(values);
      }
      case BYTES -> throw new IllegalStateException("BYTES is decoded above");
    };
  }

  private static long readInteger(ByteBuffer in, DataType type) {
    return switch (type) {
      case INT8 -> in.get();
      case UINT8 -> Byte.toUnsignedLong(in.get());
      case INT16 -> in.getShort();
      case UINT16 -> Short.toUnsignedLong(in.getShort());
      case INT32 -> in.getInt();
      case UINT32 -> Integer.toUnsignedLong(in.getInt());
      default -> in.getLong();
    };
  }

  private static TensorData decodeBytes(ByteBuffer in, long elements, String tensor) {
    List<String> values = new ArrayList<>();
    while (in.hasRemaining()) {
      if (in.remaining() < Integer.BYTES) {
        throw new BadRequestException("input '" + tensor + "' raw BYTES data ends inside the length of element "
            + values.size());
      }
      int length = in.getInt();
      if (length < 0 || length > in.remaining()) {
        throw new BadRequestException("input '" + tensor + "' raw BYTES element " + values.size() + " claims "
            + Integer.toUnsignedString(length) + " bytes but only " + in.remaining() + " are left");
      }
      byte[] bytes = new byte[length];
      in.get(bytes);
      values.add(Utf8Text.element(bytes, 0, length, tensor, "BYTES", values.size()));
    }
    if (values.size() != elements) {
      throw new BadRequestException("input '" + tensor + "' has " + values.size() + " BYTES elements of raw data "
          + "but its shape needs " + elements);
    }
    return new TensorData.Strings(values.toArray(String[]::new));
  }

  /** The raw layout of BYTES elements, for binary outputs: each a 4-byte little-endian length, then its UTF-8. */
  public static byte[] encode(String[] values) {
    byte[][] utf8 = new byte[values.length][];
    int size = 0;
    for (int i = 0; i < values.length; i++) {
      utf8[i] = values[i].getBytes(StandardCharsets.UTF_8);
      size += Integer.BYTES + utf8[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (byte[] element : utf8) {
      out.putInt(element.length).put(element);
    }
    return out.array();
  }

  /** The raw layout of FP32 elements, for binary outputs. */
  public static byte[] encode(float[] values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    out.asFloatBuffer().put(values);
    return out.array();
  }
}
