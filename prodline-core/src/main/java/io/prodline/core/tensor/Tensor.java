package io.prodline.core.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor's values, row-major: fixed-size elements in {@code raw}, little-endian, in the layout of the Open
 * Inference Protocol's binary data and of ONNX Runtime's tensors on every platform prodline runs on; STRING elements
 * in {@code strings}.
 *
 * @param type the element type
 * @param shape the dimensions, each 0 or more
 * @param raw the elements of a fixed-size type, {@code elementCount() * type.elementBytes()} bytes from position 0;
 *     {@code null} for STRING
 * @param strings the elements of a STRING tensor; {@code null} for any other type
 */
public record Tensor(TensorType type, long[] shape, ByteBuffer raw, String[] strings) {
  public Tensor {
    Objects.requireNonNull(type, "type");
    shape = shape.clone();
    long count = elementCount(shape);
    if (type == TensorType.STRING) {
      Objects.requireNonNull(strings, "strings");
      if (strings.length != count) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " strings, got "
            + strings.length);
      }
    } else {
      Objects.requireNonNull(raw, "raw");
      if (raw.remaining() != count * type.elementBytes()) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + type + " holds "
            + count * type.elementBytes() + " bytes, got " + raw.remaining());
      }
      raw = raw.slice().order(ByteOrder.LITTLE_ENDIAN);
    }
  }

  /** A tensor of a fixed-size type from its raw little-endian bytes. */
  public static Tensor of(TensorType type, long[] shape, ByteBuffer raw) {
    return new Tensor(type, shape, raw, null);
  }

  public static Tensor ofStrings(long[] shape, String[] strings) {
    return new Tensor(TensorType.STRING, shape, null, strings);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The raw bytes, read-only, positioned at the first element; {@code null} for STRING. */
  @Override
  public ByteBuffer raw() {
    return raw == null ? null : raw.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  public long elementCount() {
    return elementCount(shape);
  }

  /** The elements a shape holds: the product of its dimensions, 1 for the scalar shape {@code []}. */
  public static long elementCount(long[] shape) {
    long count = 1;
    for (long dimension : shape) {
      if (dimension < 0) {
        throw new IllegalArgumentException("dimension " + dimension + " of " + Arrays.toString(shape)
            + " is negative");
      }
      count = Math.multiplyExact(count, dimension);
    }
    return count;
  }
}
