package io.prodline.serving.protocol.v2;

/**
 * A tensor in model metadata.
 *
 * @param name the tensor's name
 * @param datatype a {@link DataType} name
 * @param shape the shape, -1 for the dimension of variable size (the rows)
 */
public record TensorMetadata(String name, String datatype, long[] shape) {}
