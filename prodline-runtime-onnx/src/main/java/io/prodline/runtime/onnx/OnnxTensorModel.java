package io.prodline.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.prodline.core.error.ModelRunException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.tensor.Tensor;
import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorSpec;
import io.prodline.core.tensor.TensorType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ONNX graph served tensor for tensor: every input and output as the graph declares it. One session serves
 * every request (ONNX Runtime sessions are safe to run from many threads at once), with {@link SessionSettings}.
 *
 * <p>Element types are those ONNX Runtime's Java API creates and reads: bool, uint8, int8, int16, int32, int64,
 * float16, bfloat16, float, double and string. A graph input of another type (uint16 to uint64), or that is not a
 * tensor (a sequence, a map), is refused at load; such an output (a ZipMap's sequence of maps) is left out of the
 * outputs served, with a warning.
 */
final class OnnxTensorModel implements TensorModel {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxTensorModel.class);

  private final OrtEnvironment env;
  private final OrtSession session;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;

  private OnnxTensorModel(OrtEnvironment env, OrtSession session, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    this.env = env;
    this.session = session;
    this.inputs = inputs;
    this.outputs = outputs;
  }

  static OnnxTensorModel load(Path modelFile) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = null;
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      session = env.createSession(modelFile.toString(), options);
      List<TensorSpec> inputs = new ArrayList<>();
      for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
        TensorSpec spec = spec(input.getKey(), input.getValue());
        if (spec == null) {
          throw new ProdlineException(modelFile + ": input '" + input.getKey() + "' is "
              + OnnxRuntimeProvider.describe(input.getValue()) + ", which ONNX Runtime's Java API cannot create; "
              + "export the graph with inputs of bool, (u)int8, int16, int32, int64, float16, bfloat16, float, "
              + "double or string tensors");
        }
        inputs.add(spec);
      }
      List<TensorSpec> outputs = new ArrayList<>();
      for (Map.Entry<String, NodeInfo> output : session.getOutputInfo().entrySet()) {
        TensorSpec spec = spec(output.getKey(), output.getValue());
        if (spec == null) {
          LOG.warn("{}: output '{}' is {}, which the Open Inference Protocol cannot carry; it is not served",
              modelFile, output.getKey(), OnnxRuntimeProvider.describe(output.getValue()));
        } else {
          outputs.add(spec);
        }
      }
      if (outputs.isEmpty()) {
        throw new ProdlineException(modelFile + ": no output is a tensor (the outputs are "
            + session.getOutputInfo().keySet() + "); export classifiers without ZipMap (e.g. skl2onnx options "
            + "zipmap=False)");
      }
      return new OnnxTensorModel(env, session, List.copyOf(inputs), List.copyOf(outputs));
    } catch (OrtException e) {
      OnnxRuntimeProvider.closeQuietly(session);
      throw new ProdlineException(modelFile + ": ONNX Runtime cannot load this model: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      OnnxRuntimeProvider.closeQuietly(session);
      throw e;
    }
  }

  /** The spec of a graph value, or null when it is no tensor of a type the Java API handles. */
  private static TensorSpec spec(String name, NodeInfo node) {
    TensorType type = node.getInfo() instanceof TensorInfo tensor ? typeOf(tensor) : null;
    return type == null ? null : new TensorSpec(name, type, ((TensorInfo) node.getInfo()).getShape());
  }

  /** The element type of a tensor, or null for one the Java API does not create (uint16 to uint64). */
  private static TensorType typeOf(TensorInfo tensor) {
    return switch (tensor.onnxType) {
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> TensorType.BOOL;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> TensorType.UINT8;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> TensorType.INT8;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> TensorType.INT16;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> TensorType.INT32;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> TensorType.INT64;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16 -> TensorType.FLOAT16;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16 -> TensorType.BFLOAT16;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> TensorType.FLOAT32;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> TensorType.FLOAT64;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> TensorType.STRING;
      default -> null;
    };
  }

  @Override
  public List<TensorSpec> inputs() {
    return inputs;
  }

  @Override
  public List<TensorSpec> outputs() {
    return outputs;
  }

  @Override
  public List<Tensor> run(Map<String, Tensor> given, List<String> wanted) {
    Map<String, OnnxTensor> fed = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Tensor> input : given.entrySet()) {
        fed.put(input.getKey(), create(input.getValue()));
      }
      try (OrtSession.Result result = session.run(fed, new LinkedHashSet<>(wanted))) {
        List<Tensor> answers = new ArrayList<>(wanted.size());
        for (String name : wanted) {
          OnnxValue value = result.get(name).orElseThrow(() -> new IllegalArgumentException("no output " + name));
          answers.add(read((OnnxTensor) value));
        }
        return answers;
      }
    } catch (OrtException e) {
      throw new ModelRunException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
    } finally {
      fed.values().forEach(OnnxTensor::close);
    }
  }

  private OnnxTensor create(Tensor tensor) throws OrtException {
    if (tensor.type() == TensorType.STRING) {
      return OnnxTensor.createTensor(env, tensor.strings(), tensor.shape());
    }
    // ONNX Runtime reads a direct buffer in place, in the platform's order: little-endian, as the raw bytes are.
    ByteBuffer raw = tensor.raw();
    ByteBuffer direct = ByteBuffer.allocateDirect(raw.remaining()).order(ByteOrder.nativeOrder()).put(raw).flip();
    return OnnxTensor.createTensor(env, direct, tensor.shape(), javaType(tensor.type()));
  }

  private static OnnxJavaType javaType(TensorType type) {
    return switch (type) {
      case BOOL -> OnnxJavaType.BOOL;
      case UINT8 -> OnnxJavaType.UINT8;
      case INT8 -> OnnxJavaType.INT8;
      case INT16 -> OnnxJavaType.INT16;
      case INT32 -> OnnxJavaType.INT32;
      case INT64 -> OnnxJavaType.INT64;
      case FLOAT16 -> OnnxJavaType.FLOAT16;
      case BFLOAT16 -> OnnxJavaType.BFLOAT16;
      case FLOAT32 -> OnnxJavaType.FLOAT;
      case FLOAT64 -> OnnxJavaType.DOUBLE;
      case STRING -> OnnxJavaType.STRING;
    };
  }

  private static Tensor read(OnnxTensor tensor) throws OrtException {
    TensorInfo info = tensor.getInfo();
    long[] shape = info.getShape();
    TensorType type = typeOf(info);
    if (type == TensorType.STRING) {
      String[] flat = new String[Math.toIntExact(Tensor.elementCount(shape))];
      flatten(tensor.getValue(), flat, new int[1]);
      return Tensor.ofStrings(shape, flat);
    }
    ByteBuffer bytes = tensor.getByteBuffer().order(ByteOrder.nativeOrder());
    return Tensor.of(type, shape, bytes);
  }

  /** The strings of a string tensor's value (a String, or nested String arrays) in row-major order. */
  private static void flatten(Object value, String[] into, int[] next) {
    if (value instanceof String s) {
      into[next[0]++] = s;
      return;
    }
    for (int i = 0, n = Array.getLength(value); i < n; i++) {
      flatten(Array.get(value, i), into, next);
    }
  }

  @Override
  public void close() {
    OnnxRuntimeProvider.close(session);
  }
}
