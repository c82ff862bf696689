package io.prodline.serving.protocol.v2;

import io.prodline.serving.protocol.BadRequestException;
import java.util.Arrays;

/**
 * The tensor data types of the Open Inference Protocol, with the size of one element in the binary (raw)
 * layout. BYTES elements have no fixed size: each is a 4-byte little-endian length followed by its bytes. BF16 is
 * bfloat16 (the upper 16 bits of a float32), which Triton added and KServe's protocol took up beside FP16.
 */
public enum DataType {
  BOOL(1), UINT8(1), UINT16(2), UINT32(4), UINT64(8), INT8(1), INT16(2), INT32(4), INT64(8),
  FP16(2), BF16(2), FP32(4), FP64(8), BYTES(-1);

  private final int elementBytes;

  DataType(int elementBytes) {
    this.elementBytes = elementBytes;
  }

  /** Bytes per element in the raw layout; -1 for BYTES, whose elements carry their own length. */
  public int elementBytes() {
    return elementBytes;
  }

  public boolean isInteger() {
    return this.compareTo(UINT8) >= 0 && this.compareTo(INT64) <= 0;
  }

  public boolean isUnsigned() {
    return this.compareTo(UINT8) >= 0 && this.compareTo(UINT64) <= 0;
  }

  public boolean isFloatingPoint() {
    return this == FP16 || this == BF16 || this == FP32 || this == FP64;
  }

  /**
   * Whether an integer type of fewer than 64 bits can hold {@code value}; for the 64-bit ones every long is a
   * valid bit pattern, so always true. Unsigned values are given as their unsigned long value.
   */
  public boolean holds(long value) {
    int bits = elementBytes * 8;
    if (!isInteger() || bits == 64) {
      return true;
    }
    long half = 1L << (bits - 1);
    return isUnsigned() ? value >= 0 && value < 2 * half : value >= -half && value < half;
  }

  /** The data type of that protocol name; {@link BadRequestException} listing the names for any other. */
  public static DataType parse(String name, String tensor) {
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("tensor '" + tensor + "' has no datatype; use one of "
          + Arrays.toString(values()));
    }
    for (DataType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new BadRequestException("tensor '" + tensor + "' has unknown datatype '" + name + "'; use one of "
        + Arrays.toString(values()));
  }
}
