package io.prodline.core.tensor;

/**
 * The element types a tensor model's inputs and outputs may have, with an element's size in the raw layout of
 * {@link Tensor} (little-endian, as the Open Inference Protocol's binary data and ONNX's tensors lay them out).
 * FLOAT16 is IEEE half precision, BFLOAT16 the upper 16 bits of a float32.
 */
public enum TensorType {
  BOOL(1), UINT8(1), INT8(1), INT16(2), INT32(4), INT64(8), FLOAT16(2), BFLOAT16(2), FLOAT32(4), FLOAT64(8),
  STRING(-1);

  private final int elementBytes;

  TensorType(int elementBytes) {
    this.elementBytes = elementBytes;
  }

  /** Bytes per element in the raw layout; -1 for STRING, whose elements are text of any length. */
  public int elementBytes() {
    return elementBytes;
  }
}
