package io.prodline.core.numbers;

/**
 * The 16-bit floats of tensors: IEEE 754 half precision (FLOAT16, TensorFlow's DT_HALF) and bfloat16 (the upper 16
 * bits of a float32), to and from float. Widening is exact; narrowing rounds to nearest, ties to even, as
 * numpy's {@code astype(float16)} and PyTorch do.
 */
public final class HalfFloats {
  private HalfFloats() {}

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

}
