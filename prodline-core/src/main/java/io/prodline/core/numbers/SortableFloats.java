package io.prodline.core.numbers;

/**
 * Floats as ints whose signed order is the floats' order, so floats can be compared and sorted as ints: the bits
 * of a positive float already order as its value; a negative one's lower 31 bits are flipped. -0 is read as 0,
 * which it equals. For every non-NaN float, {@code key(a) < key(b)} iff {@code a < b}; the keys run from
 * {@code key(-Infinity)}, above {@code Integer.MIN_VALUE + 1}, to {@code key(+Infinity)}, below
 * {@code Integer.MAX_VALUE}.
 */
public final class SortableFloats {
  private SortableFloats() {}

  /** The key of a non-NaN float. */
  public static int key(float v) {
    return flip(Float.floatToRawIntBits(v + 0.0f)); // -0 + 0 is +0
  }

  /** The float whose key is {@code key}. */
  public static float value(int key) {
    return Float.intBitsToFloat(flip(key)); // the flip is its own inverse
  }

  private static int flip(int bits) {
    return bits ^ ((bits >> 31) & 0x7fffffff);
  }
}
