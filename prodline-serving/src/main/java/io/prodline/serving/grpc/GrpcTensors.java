package io.prodline.serving.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.prodline.serving.grpc.v2.InferParameter;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Utf8Text;
import io.prodline.serving.protocol.v2.DataType;
import io.prodline.serving.protocol.v2.InferenceRequest;
import io.prodline.serving.protocol.v2.InferenceResult;
import io.prodline.serving.protocol.v2.InputTensor;
import io.prodline.serving.protocol.v2.OutputTensor;
import io.prodline.serving.protocol.v2.RawTensors;
import io.prodline.serving.protocol.v2.RequestedOutput;
import io.prodline.serving.protocol.v2.Shapes;
import io.prodline.serving.protocol.v2.TensorData;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps gRPC inference messages to the protocol's tensors and back.
 *
 * <p>Inputs come either all in {@code raw_input_contents} (one entry per input, in order) or all in the typed
 * {@code contents} field of their datatype; FP16 and BF16 have no typed field, so they are raw only. An answer uses
 * the form the request used: raw outputs for a raw request, typed {@code fp32_contents} otherwise.
 */
final class GrpcTensors {
  private GrpcTensors() {}

  static InferenceRequest request(ModelInferRequest request) {
    boolean raw = request.getRawInputContentsCount() > 0;
    if (raw && request.getRawInputContentsCount() != request.getInputsCount()) {
      throw new BadRequestException("raw_input_contents has " + request.getRawInputContentsCount()
          + " entries but the request has " + request.getInputsCount() + " inputs; send one per input, in order");
    }
    List<InputTensor> inputs = new ArrayList<>(request.getInputsCount());
    for (int i = 0; i < request.getInputsCount(); i++) {
      ModelInferRequest.InferInputTensor input = request.getInputs(i);
      String name = input.getName();
      DataType type = DataType.parse(input.getDatatype(), name);
      long[] shape = new long[input.getShapeCount()];
      for (int d = 0; d < shape.length; d++) {
        shape[d] = input.getShape(d);
      }
      int elements = Shapes.elementCount(shape, name);
      TensorData data;
      if (raw) {
        if (input.hasContents()) {
          throw new BadRequestException("input '" + name + "' has contents although the request uses "
              + "raw_input_contents; use one form for all inputs");
        }
        data = RawTensors.decode(request.getRawInputContents(i).asReadOnlyByteBuffer(), type, elements, name);
      } else {
        data = typed(input.getContents(), type, elements, name);
      }
      inputs.add(new InputTensor(name, type, shape, data));
    }
    List<RequestedOutput> outputs = new ArrayList<>(request.getOutputsCount());
    for (ModelInferRequest.InferRequestedOutputTensor output : request.getOutputsList()) {
      InferParameter classification = output.getParametersMap().get(RequestedOutput.CLASSIFICATION);
      outputs.add(new RequestedOutput(output.getName(), raw, classification == null ? 0
          : RequestedOutput.classCount(classification.hasInt64Param() ? classification.getInt64Param() : null,
              output.getName())));
    }
    return new InferenceRequest(request.getId(), inputs, outputs, raw);
  }

  private static TensorData typed(InferTensorContents contents, DataType type, int elements, String name) {
    return switch (type) {
      case BOOL -> {
        check(contents, contents.getBoolContentsCount(), elements, name, "bool_contents");
        boolean[] values = new boolean[elements];
        for (int i = 0; i < elements; i++) {
          values[i] = contents.getBoolContents(i);
        }
        yield new TensorData.Bools(values);
      }
      case INT8, INT16, INT32 -> {
        check(contents, contents.getIntContentsCount(), elements, name, "int_contents");
        yield integers(contents.getIntContentsList().stream().mapToLong(Integer::longValue).toArray(), type, name);
      }
      case INT64 -> {
        check(contents, contents.getInt64ContentsCount(), elements, name, "int64_contents");
        yield new TensorData.Longs(contents.getInt64ContentsList().stream().mapToLong(Long::longValue).toArray(),
            false);
      }
      case UINT8, UINT16, UINT32 -> {
        check(contents, contents.getUintContentsCount(), elements, name, "uint_contents");
        yield integers(contents.getUintContentsList().stream().mapToLong(Integer::toUnsignedLong).toArray(), type,
            name);
      }
      case UINT64 -> {
        check(contents, contents.getUint64ContentsCount(), elements, name, "uint64_contents");
        yield new TensorData.Longs(contents.getUint64ContentsList().stream().mapToLong(Long::longValue).toArray(),
            true);
      }
      case FP32 -> {
        check(contents, contents.getFp32ContentsCount(), elements, name, "fp32_contents");
        double[] values = new double[elements];
        for (int i = 0; i < elements; i++) {
          values[i] = contents.getFp32Contents(i);
        }
        yield new TensorData.Doubles(values);
      }
      case FP64 -> {
        check(contents, contents.getFp64ContentsCount(), elements, name, "fp64_contents");
        yield new TensorData.Doubles(contents.getFp64ContentsList().stream().mapToDouble(Double::doubleValue)
            .toArray());
      }
      case BYTES -> {
        check(contents, contents.getBytesContentsCount(), elements, name, "bytes_contents");
        String[] values = new String[elements];
        for (int i = 0; i < elements; i++) {
          byte[] bytes = contents.getBytesContents(i).toByteArray();
          values[i] = Utf8Text.element(bytes, 0, bytes.length, name, "BYTES", i);
        }
        yield new TensorData.Strings(values);
      }
      case FP16, BF16 -> throw new BadRequestException("input '" + name + "' is " + type + ", which has no typed "
          + "contents field; send it in raw_input_contents");
    };
  }

  private static TensorData integers(long[] values, DataType type, String name) {
    for (int i = 0; i < values.length; i++) {
      if (!type.holds(values[i])) {
        throw new BadRequestException("input '" + name + "' element " + i + " is " + values[i] + ", outside the "
            + type + " range");
      }
    }
    return new TensorData.Longs(values, type.isUnsigned());
  }

  /**
   * Requires {@code count} values in {@code field}, the contents field of the input's datatype. When the values are
   * in another field instead (FP64 values sent for an FP32 input), the error names it: the datatype and the field
   * disagree, which a count alone does not tell.
   */
  private static void check(InferTensorContents contents, int count, int elements, String name, String field) {
    if (count == elements) {
      return;
    }
    List<String> others = contents.getAllFields().keySet().stream().map(FieldDescriptor::getName)
        .filter(other -> !other.equals(field)).sorted().toList();
    throw new BadRequestException("input '" + name + "' has " + count + " elements in contents." + field
        + " but its shape needs " + elements + (others.isEmpty() ? "" : "; its values are in contents."
        + String.join(", contents.", others) + ", which does not match its datatype: set the datatype of those "
        + "values, or send them in " + field));
  }

  /**
   * The answer; outputs marked binary (all of them, for a raw request) go in raw_output_contents, and so do all
   * outputs of a model served as tensors, as Triton answers: FP16 and BF16 have no typed contents field, and the
   * protocol wants the raw contents for every output or for none.
   */
  static ModelInferResponse response(InferenceResult result) {
    ModelInferResponse.Builder response = ModelInferResponse.newBuilder()
        .setModelName(result.modelName())
        .setModelVersion(result.modelVersion())
        .setId(result.id());
    boolean allRaw = result.outputs().stream().anyMatch(output -> output.tensor() != null);
    for (OutputTensor output : result.outputs()) {
      ModelInferResponse.InferOutputTensor.Builder tensor = response.addOutputsBuilder()
          .setName(output.name())
          .setDatatype(output.datatype().name());
      for (long dim : output.shape()) {
        tensor.addShape(dim);
      }
      if (output.binary() || allRaw) {
        response.addRawOutputContents(ByteString.copyFrom(output.raw()));
      } else if (output.texts() != null) {
        InferTensorContents.Builder contents = tensor.getContentsBuilder();
        for (String text : output.texts()) {
          contents.addBytesContents(ByteString.copyFromUtf8(text));
        }
      } else {
        InferTensorContents.Builder contents = tensor.getContentsBuilder();
        for (float v : output.values()) {
          contents.addFp32Contents(v);
        }
      }
    }
    return response.build();
  }
}
