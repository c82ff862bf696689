package io.prodline.serving.grpc.tfserving;

import static io.prodline.serving.grpc.tfserving.proto.DataType.DT_FLOAT;

import com.google.protobuf.ByteString;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.numbers.HalfFloats;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.grpc.tfserving.proto.TensorShapeProto;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Utf8Text;
import io.prodline.serving.protocol.v2.DataType;
import io.prodline.serving.protocol.v2.InputTensor;
import io.prodline.serving.protocol.v2.RawTensors;
import io.prodline.serving.protocol.v2.Shapes;
import io.prodline.serving.protocol.v2.TensorData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Maps TF Serving's {@link TensorProto} to the protocol's input tensors, and predictions back.
 *
 * <p>Values come, as in TensorFlow, either from {@code tensor_content} (raw little-endian bytes, every dtype but
 * {@code DT_STRING}; it wins when set) or from the typed field of the dtype ({@code float_val} for
 * {@code DT_FLOAT}, {@code int_val} for {@code DT_INT32}, {@code DT_INT16}, {@code DT_INT8}, {@code DT_UINT16} and
 * {@code DT_UINT8}, {@code half_val} for {@code DT_HALF} and {@code DT_BFLOAT16}, …), holding one value per element
 * or, as TensorFlow's version 0 allows, a single value that fills the shape, up to the rows a request may hold.
 * {@code DT_STRING} values must be UTF-8, since prodline's string features are text.
 *
 * <p>The dtype must fit the input it feeds, checked here so the client hears it in TensorFlow's terms: a float64
 * feature takes {@code DT_FLOAT}, {@code DT_DOUBLE}, {@code DT_HALF}, {@code DT_BFLOAT16} or an integer dtype; an
 * int64 feature an integer dtype; a bool feature {@code DT_BOOL}; a string feature {@code DT_STRING}; a bare
 * model's graph tensor any floating-point or integer dtype. Shapes, row counts and non-finite values are then
 * {@link io.prodline.serving.protocol.v2.FrameAssembler}'s to check, as for every protocol.
 */
final class TensorProtos {
  private TensorProtos() {}

  /**
   * The input tensors of a request for {@code model}, each refused before it is allocated when it holds more values
   * than {@code maxRows} rows can: one per row for a feature, one per model input for the graph tensor (and for a
   * tensor the model does not take, which passes unchecked otherwise, for the frame assembler to name).
   */
  static List<InputTensor> inputs(Map<String, TensorProto> tensors, Predictor model, int maxRows) {
    Map<String, ColumnType> features = model.inputTypes();
    TensorNames graph = model.bundle().tensors();
    List<InputTensor> decoded = new ArrayList<>(tensors.size());
    for (Map.Entry<String, TensorProto> entry : tensors.entrySet()) {
      String name = entry.getKey();
      TensorProto tensor = entry.getValue();
      DataType type = datatype(tensor, name);
      int width = features.size();
      if (graph != null && graph.input().equals(name)) {
        require(type.isFloatingPoint() || type.isInteger(), tensor, name, "the model's graph tensor is numeric",
            "DT_FLOAT, DT_DOUBLE or an integer dtype");
      } else if (features.containsKey(name)) {
        requireFits(tensor, type, name, features.get(name));
        width = 1;
      }
      decoded.add(input(name, tensor, type, maxRows, width));
    }
    return decoded;
  }

  /**
   * {@code [N]} predictions (or {@code [N, 1]} where the model's graph has a column), or {@code [N, classes]} class
   * probabilities, as {@code DT_FLOAT} in float_val.
   */
  static TensorProto predictions(Predictions predictions) {
    TensorProto.Builder tensor = TensorProto.newBuilder().setDtype(DT_FLOAT)
        .setTensorShape(shape(predictions.shape()));
    for (float v : predictions.values()) {
      tensor.addFloatVal(v);
    }
    return tensor.build();
  }

  static TensorShapeProto shape(long... sizes) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long size : sizes) {
      shape.addDimBuilder().setSize(size);
    }
    return shape.build();
  }

  private static DataType datatype(TensorProto tensor, String name) {
    return switch (tensor.getDtype()) {
      case DT_FLOAT -> DataType.FP32;
      case DT_DOUBLE -> DataType.FP64;
      case DT_HALF -> DataType.FP16;
      case DT_BFLOAT16 -> DataType.BF16;
      case DT_INT8 -> DataType.INT8;
      case DT_INT16 -> DataType.INT16;
      case DT_INT32 -> DataType.INT32;
      case DT_INT64 -> DataType.INT64;
      case DT_UINT8 -> DataType.UINT8;
      case DT_UINT16 -> DataType.UINT16;
      case DT_UINT32 -> DataType.UINT32;
      case DT_UINT64 -> DataType.UINT64;
      case DT_BOOL -> DataType.BOOL;
      case DT_STRING -> DataType.BYTES;
      case DT_INVALID -> throw new BadRequestException("input '" + name + "' has no dtype; set it, e.g. to "
          + "DT_DOUBLE, DT_INT64, DT_BOOL or DT_STRING");
      default -> throw new BadRequestException("input '" + name + "' has dtype " + dtype(tensor) + ", which "
          + "prodline models do not take; send DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16, an integer dtype, DT_BOOL or "
          + "DT_STRING");
    };
  }

  private static void requireFits(TensorProto tensor, DataType type, String name, ColumnType feature) {
    String feeds = "the feature is " + feature.fileName();
    switch (feature) {
      case FLOAT64 -> require(type.isFloatingPoint() || type.isInteger(), tensor, name, feeds,
          "DT_DOUBLE, DT_FLOAT or an integer dtype");
      case INT64 -> require(type.isInteger(), tensor, name, feeds, "DT_INT64 or another integer dtype");
      case BOOL -> require(type == DataType.BOOL, tensor, name, feeds, "DT_BOOL");
      case STRING -> require(type == DataType.BYTES, tensor, name, feeds, "DT_STRING");
    }
  }

  private static void require(boolean fits, TensorProto tensor, String name, String feeds, String expected) {
    if (!fits) {
      throw new BadRequestException("input '" + name + "' is " + dtype(tensor) + " but " + feeds + "; send "
          + expected);
    }
  }

  private static InputTensor input(String name, TensorProto tensor, DataType type, int maxRows, int width) {
    if (tensor.getTensorShape().getUnknownRank()) {
      throw new BadRequestException("input '" + name + "' has unknown_rank set; give its shape, [N] or [N, 1]");
    }
    long[] shape = tensor.getTensorShape().getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    int elements = Shapes.elementCount(shape, name, maxRows, width);
    TensorData data = tensor.getTensorContent().isEmpty()
        ? typed(tensor, type, elements, shape, name)
        : raw(tensor, type, elements, shape, name);
    return new InputTensor(name, type, shape, data);
  }

  private static TensorData raw(TensorProto tensor, DataType type, int elements, long[] shape, String name) {
    ByteString content = tensor.getTensorContent();
    if (type == DataType.BYTES) {
      throw new BadRequestException("input '" + name + "' is DT_STRING with tensor_content, which cannot hold "
          + "strings; send the values in string_val");
    }
    long expected = (long) elements * type.elementBytes();
    if (content.size() != expected) {
      throw new BadRequestException("input '" + name + "' has " + content.size() + " bytes in tensor_content but "
          + "its shape " + Arrays.toString(shape) + " of " + dtype(tensor) + " needs " + expected);
    }
    return RawTensors.decode(content.asReadOnlyByteBuffer(), type, elements, name);
  }

  /** The values of the dtype's typed field: one per element, or one repeated to fill the shape. */
  private static TensorData typed(TensorProto tensor, DataType type, int elements, long[] shape, String name) {
    TypedField field = switch (type) {
      case FP32 -> new TypedField("float_val", tensor.getFloatValCount());
      case FP64 -> new TypedField("double_val", tensor.getDoubleValCount());
      case FP16, BF16 -> new TypedField("half_val", tensor.getHalfValCount());
      case INT8, INT16, INT32, UINT8, UINT16 -> new TypedField("int_val", tensor.getIntValCount());
      case INT64 -> new TypedField("int64_val", tensor.getInt64ValCount());
      case UINT32 -> new TypedField("uint32_val", tensor.getUint32ValCount());
      case UINT64 -> new TypedField("uint64_val", tensor.getUint64ValCount());
      case BOOL -> new TypedField("bool_val", tensor.getBoolValCount());
      case BYTES -> new TypedField("string_val", tensor.getStringValCount());
    };
    int count = field.count();
    if (count != elements && (count != 1 || elements < 1)) {
      throw new BadRequestException("input '" + name + "' has " + count + " values in " + field.name()
          + " but its shape " + Arrays.toString(shape) + " needs " + elements + " (or one, repeated to fill it)"
          + (count == 0 ? "; send " + dtype(tensor) + " values there or in tensor_content" : ""));
    }
    // A single value stands for all elements: every element reads index 0.
    int step = count == 1 ? 0 : 1;
    return switch (type) {
      case FP32 -> doubles(elements, i -> tensor.getFloatVal(i * step));
      case FP64 -> doubles(elements, i -> tensor.getDoubleVal(i * step));
      case FP16 -> doubles(elements, i -> HalfFloats.halfToFloat(halfVal(tensor, i * step, name)));
      case BF16 -> doubles(elements, i -> HalfFloats.bfloat16ToFloat(halfVal(tensor, i * step, name)));
      case INT8, INT16, INT32, UINT8, UINT16 -> longs(elements, i -> tensor.getIntVal(i * step), tensor, type, name);
      case INT64 -> longs(elements, i -> tensor.getInt64Val(i * step), tensor, type, name);
      case UINT32 -> longs(elements, i -> Integer.toUnsignedLong(tensor.getUint32Val(i * step)), tensor, type, name);
      case UINT64 -> longs(elements, i -> tensor.getUint64Val(i * step), tensor, type, name);
      case BOOL -> {
        boolean[] bools = new boolean[elements];
        for (int i = 0; i < elements; i++) {
          bools[i] = tensor.getBoolVal(i * step);
        }
        yield new TensorData.Bools(bools);
      }
      case BYTES -> {
        String[] strings = new String[elements];
        if (step == 0) {
          Arrays.fill(strings, text(tensor.getStringVal(0), 0, name)); // decoded once, however many it fills
        } else {
          for (int i = 0; i < elements; i++) {
            strings[i] = text(tensor.getStringVal(i), i, name);
          }
        }
        yield new TensorData.Strings(strings);
      }
    };
  }

  /** A dtype's typed field: its name, for messages, and how many values it holds. */
  private record TypedField(String name, int count) {}

  private static TensorData doubles(int elements, IntToDoubleFunction value) {
    double[] values = new double[elements];
    for (int i = 0; i < elements; i++) {
      values[i] = value.applyAsDouble(i);
    }
    return new TensorData.Doubles(values);
  }

  /** Integer values, each checked against the range of the dtype, which the wider protobuf field does not bound. */
  private static TensorData longs(int elements, IntToLongFunction value, TensorProto tensor, DataType type,
      String name) {
    long[] values = new long[elements];
    for (int i = 0; i < elements; i++) {
      values[i] = value.applyAsLong(i);
      if (!type.holds(values[i])) {
        throw new BadRequestException("input '" + name + "' element " + i + " is " + values[i] + ", outside the "
            + "range of " + dtype(tensor));
      }
    }
    return new TensorData.Longs(values, type.isUnsigned());
  }

  /**
   * Element {@code i} of {@code half_val}, where TensorFlow keeps a {@code DT_HALF} or {@code DT_BFLOAT16} value as
   * its 16 bits in an int32.
   */
  private static short halfVal(TensorProto tensor, int i, String name) {
    int bits = tensor.getHalfVal(i);
    if (bits < 0 || bits > 0xFFFF) {
      throw new BadRequestException("input '" + name + "' half_val element " + i + " is " + bits + "; a "
          + dtype(tensor) + " value is its 16 bits, 0 to 65535");
    }
    return (short) bits;
  }

  private static String text(ByteString value, int i, String name) {
    byte[] bytes = value.toByteArray();
    return Utf8Text.element(bytes, 0, bytes.length, name, "string_val", i);
  }

  /** The tensor's dtype by TensorFlow's name, or its number when this server does not know it. */
  private static String dtype(TensorProto tensor) {
    return tensor.getDtype() == io.prodline.serving.grpc.tfserving.proto.DataType.UNRECOGNIZED
        ? "dtype number " + tensor.getDtypeValue() : tensor.getDtype().name();
  }
}
