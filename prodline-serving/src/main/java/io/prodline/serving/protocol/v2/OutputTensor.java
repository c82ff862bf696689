package io.prodline.serving.protocol.v2;

/**
 * One output tensor of an answer. prodline models have one output, FP32 {@code predictions}.
 *
 * @param name the output's name
 * @param datatype always {@link DataType#FP32}: the models compute in float
 * @param shape {@code [rows]} for one value per row, {@code [rows, classes]} for class probabilities
 * @param data the elements in row-major order
 * @param binary whether the REST answer sends it as binary data
 */
public record OutputTensor(String name, DataType datatype, long[] shape, float[] data, boolean binary) {}
