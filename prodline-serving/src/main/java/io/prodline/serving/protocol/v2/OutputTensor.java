package io.prodline.serving.protocol.v2;

import io.prodline.core.tensor.Tensor;
import java.nio.ByteBuffer;

/**
 * One output tensor of an answer: a prodline model's FP32 {@code predictions}, their top classes as BYTES text when
 * the client asked for Triton's classification extension ({@link Classification}), or any output of a model served
 * as tensors, in its raw layout.
 *
 * @param name the output's name
 * @param datatype {@link DataType#FP32} for values, {@link DataType#BYTES} for texts, any other for raw elements
 * @param shape e.g. {@code [rows]} for one value per row, {@code [rows, classes]} for class probabilities
 * @param values the FP32 elements in row-major order, or {@code null}
 * @param texts the BYTES elements in row-major order, or {@code null}
 * @param tensor the output of a model served as tensors, of a fixed-size type, or {@code null}; exactly one of
 *     {@code values}, {@code texts} and {@code tensor} is set
 * @param binary whether the REST answer sends it as binary data
 */
public record OutputTensor(String name, DataType datatype, long[] shape, float[] values, String[] texts,
    Tensor tensor, boolean binary) {

  public static OutputTensor fp32(String name, long[] shape, float[] values, boolean binary) {
    return new OutputTensor(name, DataType.FP32, shape, values, null, null, binary);
  }

  public static OutputTensor bytes(String name, long[] shape, String[] texts, boolean binary) {
    return new OutputTensor(name, DataType.BYTES, shape, null, texts, null, binary);
  }

  /** An output of a model served as tensors, of a fixed-size type; {@code datatype} names its type here. */
  public static OutputTensor of(String name, DataType datatype, Tensor tensor, boolean binary) {
    return new OutputTensor(name, datatype, tensor.shape(), null, null, tensor, binary);
  }

  /** The elements in the raw layout of {@link RawTensors}, for binary answers. */
  public byte[] raw() {
    if (tensor != null) {
      ByteBuffer raw = tensor.raw();
      byte[] bytes = new byte[raw.remaining()];
      raw.get(bytes);
      return bytes;
    }
    return texts == null ? RawTensors.encode(values) : RawTensors.encode(texts);
  }
}
