package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.core.JsonGenerator;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Utf8Text;
import java.io.IOException;
import java.math.BigInteger;
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
            case FP16 -> halfToFloat(in.getShort());
            case BF16 -> bfloat16ToFloat(in.getShort());
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

  /** bfloat16 to float: its 16 bits are the upper half of the float's, so the conversion is exact. */
  public static float bfloat16ToFloat(short bfloat16) {
    return Float.intBitsToFloat((bfloat16 & 0xffff) << 16);
  }

  /** IEEE 754 half precision to float; exact, since every half is a float. */
  public static float halfToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      // Zero or subnormal: mantissa * 2^-24.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /**
   * float to IEEE 754 half precision, rounded to the nearest half, ties to even; beyond the largest half (65504,
   * and up to the tie above it) is infinity. A value that came from a half comes back as those bits.
   */
  public static short floatToHalf(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exponent == 0xff) { // infinity, or NaN kept quiet with its top payload bits
      return (short) (sign | 0x7c00 | (mantissa == 0 ? 0 : 0x200 | mantissa >>> 13));
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent <= 0) { // a subnormal half, or zero: the significand shifted down to units of 2^-24
      if (halfExponent < -10) {
        return (short) sign;
      }
      return (short) (sign | roundShifted(mantissa | 0x800000, 14 - halfExponent));
    }
    // Rounding up may carry into the exponent, which is the right next half (up to infinity).
    return (short) (sign | roundShifted(halfExponent << 23 | mantissa, 13));
  }

  /** float to bfloat16, its upper 16 bits rounded to nearest, ties to even; NaN stays a quiet NaN. */
  public static short floatToBfloat16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
  }

  /** {@code value >>> shift}, rounded to nearest, ties to even. */
  private static int roundShifted(int value, int shift) {
    int kept = value >>> shift;
    int rest = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    return rest > half || (rest == half && (kept & 1) != 0) ? kept + 1 : kept;
  }

  /**
   * Writes elements of a fixed-size datatype, given in the raw layout, as the JSON array of an answer's
   * {@code data}: BOOL as true and false, integers as numbers (UINT64 unsigned), FP16 and BF16 as the floats they
   * are, FP32 and FP64 in their shortest round-trip form.
   */
  public static void writeJson(JsonGenerator g, DataType type, byte[] raw) throws IOException {
    ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    g.writeStartArray();
    while (in.hasRemaining()) {
      switch (type) {
        case BOOL -> g.writeBoolean(in.get() != 0);
        case UINT64 -> g.writeNumber(new BigInteger(Long.toUnsignedString(in.getLong())));
        case UINT8, UINT16, UINT32, INT8, INT16, INT32, INT64 -> g.writeNumber(readInteger(in, type));
        case FP16 -> g.writeNumber(halfToFloat(in.getShort()));
        case BF16 -> g.writeNumber(bfloat16ToFloat(in.getShort()));
        case FP32 -> g.writeNumber(in.getFloat());
        case FP64 -> g.writeNumber(in.getDouble());
        case BYTES -> throw new IllegalArgumentException("BYTES elements are texts, not raw values");
      }
    }
    g.writeEndArray();
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
