package io.prodline.serving.protocol.v2;

/**
 * The elements of an input tensor, flattened in row-major order, in the widest Java primitive of their kind, so
 * that each transport decodes once and {@link FrameAssembler} converts to the model's column types in one place.
 */
public sealed interface TensorData {
  int size();

  /** BOOL elements. */
  record Bools(boolean[] values) implements TensorData {
    @Override
    public int size() {
      return values.length;
    }
  }

  /**
   * Integer elements of any width; with {@code unsigned}, UINT64 values above {@link Long#MAX_VALUE} are stored
   * as their two's-complement bits and must be read with the unsigned conversions.
   */
  record Longs(long[] values, boolean unsigned) implements TensorData {
    @Override
    public int size() {
      return values.length;
    }
  }

  /** FP16, FP32 and FP64 elements; all of them fit a double exactly. */
  record Doubles(double[] values) implements TensorData {
    @Override
    public int size() {
      return values.length;
    }
  }

  /** BYTES elements, decoded as UTF-8 text since prodline's string features are text. */
  record Strings(String[] values) implements TensorData {
    @Override
    public int size() {
      return values.length;
    }
  }
}
