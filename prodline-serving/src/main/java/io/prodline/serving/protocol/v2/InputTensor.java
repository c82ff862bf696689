package io.prodline.serving.protocol.v2;

/**
 * One input tensor of an inference request, decoded from any transport.
 *
 * @param name the model input it feeds
 * @param datatype the data type the client declared
 * @param shape the shape the client declared; its element count matches {@code data}
 * @param data the elements
 */
public record InputTensor(String name, DataType datatype, long[] shape, TensorData data) {}
