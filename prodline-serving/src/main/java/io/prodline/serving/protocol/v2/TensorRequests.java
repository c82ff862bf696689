package io.prodline.serving.protocol.v2;

import io.prodline.core.numbers.HalfFloats;
import io.prodline.core.tensor.Tensor;
import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorSpec;
import io.prodline.core.tensor.TensorType;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.MessageText;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Open Inference request to a model served as tensors ({@link TensorModel}): its input tensors checked against
 * the graph's and handed over as they are, its outputs named as the graph names them. As Triton checks a request,
 * every input must be given once, in the graph's datatype and in a shape that fits the graph's (any size where the
 * graph says -1); nothing is converted but the element width of the wire (a JSON FP16 number to its 16 bits).
 */
final class TensorRequests {
  private TensorRequests() {}

  /** The model's metadata: its graph's inputs and outputs as the protocol names datatypes. */
  static ModelMetadata metadata(String model, List<String> versions, TensorModel tensors) {
    return new ModelMetadata(model, versions, "prodline_onnx", tensors.inputs().stream().map(TensorRequests::of)
        .toList(), tensors.outputs().stream().map(TensorRequests::of).toList());
  }

  private static TensorMetadata of(TensorSpec spec) {
    return new TensorMetadata(spec.name(), datatype(spec.type()).name(), spec.shape());
  }

  /**
   * Runs {@code request} on {@code model} and answers it.
   *
   * @param maxRows the most a dimension of any size may hold first (the rows), as for every other model
   * @param nonFinite which NaN and infinite float elements may reach the model
   */
  static InferenceResult run(String modelName, String version, TensorModel model, InferenceRequest request,
      int maxRows, NonFiniteInputs nonFinite) {
    Map<String, Tensor> inputs = inputs(request.inputs(), model.inputs(), maxRows, nonFinite);
    List<RequestedOutput> asked = request.outputs();
    List<String> names = new ArrayList<>();
    List<Boolean> binary = new ArrayList<>();
    if (asked.isEmpty()) {
      for (TensorSpec output : model.outputs()) {
        names.add(output.name());
        binary.add(request.binaryOutputs());
      }
    }
    Set<String> outputs = new HashSet<>(model.outputs().stream().map(TensorSpec::name).toList());
    for (RequestedOutput output : asked) {
      if (!outputs.contains(output.name())) {
        throw new BadRequestException("unknown output '" + MessageText.shortened(output.name()) + "'; the model's "
            + "outputs are " + MessageText.names(model.outputs().stream().map(TensorSpec::name).toList()));
      }
      if (output.classification() > 0) {
        throw new BadRequestException("output '" + output.name() + "' cannot answer the classification extension: "
            + "the model is served as its graph's tensors, whose classes prodline does not know; ask for the values");
      }
      names.add(output.name());
      binary.add(output.binary());
    }
    List<Tensor> results = model.run(inputs, names);
    List<OutputTensor> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      Tensor result = results.get(i);
      answers.add(result.type() == TensorType.STRING
          ? OutputTensor.bytes(names.get(i), result.shape(), result.strings(), binary.get(i))
          : OutputTensor.of(names.get(i), datatype(result.type()), result, binary.get(i)));
    }
    return new InferenceResult(modelName, version, request.id(), answers);
  }

  private static Map<String, Tensor> inputs(List<InputTensor> given, List<TensorSpec> specs, int maxRows,
      NonFiniteInputs nonFinite) {
    Map<String, InputTensor> byName = new LinkedHashMap<>();
    for (InputTensor tensor : given) {
      if (byName.put(tensor.name(), tensor) != null) {
        throw new BadRequestException("input '" + tensor.name() + "' is given twice");
      }
    }
    List<String> names = specs.stream().map(TensorSpec::name).toList();
    for (String name : byName.keySet()) {
      if (!names.contains(name)) {
        throw new BadRequestException("unknown input '" + MessageText.shortened(name) + "'; the model takes "
            + described(specs));
      }
    }
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : specs) {
      InputTensor tensor = byName.get(spec.name());
      if (tensor == null) {
        throw new BadRequestException("input '" + spec.name() + "' is missing; the model takes " + described(specs));
      }
      inputs.put(spec.name(), tensor(tensor, spec, maxRows, nonFinite));
    }
    return inputs;
  }

  private static Tensor tensor(InputTensor given, TensorSpec spec, int maxRows, NonFiniteInputs nonFinite) {
    DataType expected = datatype(spec.type());
    if (given.datatype() != expected) {
      throw new BadRequestException("input '" + spec.name() + "' is " + given.datatype() + " but the model takes "
          + described(spec) + "; send " + expected);
    }
    long[] shape = given.shape();
    if (!spec.fits(shape)) {
      throw new BadRequestException("input '" + spec.name() + "' has shape " + Arrays.toString(shape)
          + "; the model takes " + described(spec) + " (-1: any size)");
    }
    if (shape.length > 0 && spec.shape()[0] < 0 && shape[0] > maxRows) {
      throw new BadRequestException("input '" + spec.name() + "' has " + shape[0] + " rows, more than the " + maxRows
          + " this server accepts in one request; split it into smaller requests");
    }
    TensorData data = given.data();
    if (data instanceof TensorData.Strings strings) {
      return Tensor.ofStrings(shape, strings.values());
    }
    ByteBuffer raw = ByteBuffer.allocate(data.size() * spec.type().elementBytes()).order(ByteOrder.LITTLE_ENDIAN);
    if (data instanceof TensorData.Bools bools) {
      for (boolean value : bools.values()) {
        raw.put((byte) (value ? 1 : 0));
      }
    } else if (data instanceof TensorData.Longs longs) {
      // The decoders checked each element against the datatype's range, which is the model's.
      for (long value : longs.values()) {
        switch (spec.type().elementBytes()) {
          case 1 -> raw.put((byte) value);
          case 2 -> raw.putShort((short) value);
          case 4 -> raw.putInt((int) value);
          default -> raw.putLong(value);
        }
      }
    } else {
      double[] values = ((TensorData.Doubles) data).values();
      for (int i = 0; i < values.length; i++) {
        double value = values[i];
        if (!nonFinite.accepts(value)) {
          throw NonFiniteInputs.refused("input '" + spec.name() + "' element " + i, Double.toString(value),
              "send a finite number");
        }
        switch (spec.type()) {
          case FLOAT16 -> raw.putShort(HalfFloats.floatToHalf((float) value));
          case BFLOAT16 -> raw.putShort(HalfFloats.floatToBfloat16((float) value));
          case FLOAT32 -> raw.putFloat((float) value);
          default -> raw.putDouble(value);
        }
      }
    }
    return Tensor.of(spec.type(), shape, raw.flip());
  }

  /** This protocol's datatype of a graph's element type. */
  static DataType datatype(TensorType type) {
    return switch (type) {
      case BOOL -> DataType.BOOL;
      case UINT8 -> DataType.UINT8;
      case INT8 -> DataType.INT8;
      case INT16 -> DataType.INT16;
      case INT32 -> DataType.INT32;
      case INT64 -> DataType.INT64;
      case FLOAT16 -> DataType.FP16;
      case BFLOAT16 -> DataType.BF16;
      case FLOAT32 -> DataType.FP32;
      case FLOAT64 -> DataType.FP64;
      case STRING -> DataType.BYTES;
    };
  }

  private static String described(List<TensorSpec> specs) {
    return specs.stream().map(TensorRequests::described).toList().toString();
  }

  private static String described(TensorSpec spec) {
    return spec.name() + " " + datatype(spec.type()) + " " + Arrays.toString(spec.shape());
  }
}
