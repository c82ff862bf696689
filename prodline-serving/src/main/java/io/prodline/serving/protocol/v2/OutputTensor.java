package io.prodline.serving.protocol.v2;

/**
 * One output tensor of an answer: a prodline model's FP32 {@code predictions}, or, when the client asked for
 * Triton's classification extension, their top classes as BYTES text ({@link Classification}).
 *
 * @param name the output's name
 * @param datatype {@link DataType#FP32} for values, {@link DataType#BYTES} for classifications
 * @param shape {@code [rows]} for one value per row, {@code [rows, classes]} for class probabilities or the top
 *     classes
 * @param values the FP32 elements in row-major order; {@code null} for BYTES
 * @param texts the BYTES elements in row-major order; {@code null} for FP32
 * @param binary whether the REST answer sends it as binary data
 */
public record OutputTensor(String name, DataType datatype, long[] shape, float[] values, String[] texts,
    boolean binary) {

  public static OutputTensor fp32(String name, long[] shape, float[] values, boolean binary) {
    return new OutputTensor(name, DataType.FP32, shape, values, null, binary);
  }

  public static OutputTensor bytes(String name, long[] shape, String[] texts, boolean binary) {
    return new OutputTensor(name, DataType.BYTES, shape, null, texts, binary);
  }

  /** The elements in the raw layout of {@link RawTensors}, for binary answers. */
  public byte[] raw() {
    return texts == null ? RawTensors.encode(values) : RawTensors.encode(texts);
  }
}
