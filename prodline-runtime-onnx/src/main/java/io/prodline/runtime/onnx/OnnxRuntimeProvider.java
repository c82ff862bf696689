package io.prodline.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.NotTabularException;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimeProvider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Loads {@code model.onnx} files (runtime name {@code onnx}): anything exported from PyTorch, TensorFlow or
 * scikit-learn, run by ONNX Runtime.
 *
 * <p>The contract a model must meet, checked at load: exactly one input, a float tensor of shape {@code [N, d]}
 * with a fixed {@code d} (the fitted transform's width); an output that is a float tensor of shape {@code [N]},
 * {@code [N, 1]} or {@code [N, k]}: the first such output is served ({@link #servedOutput}), so a classifier
 * exported with its predicted label first (skl2onnx's {@code label} int64, then {@code probabilities}) serves its
 * probabilities. A graph whose batch dimension is a number (a PyTorch export without {@code dynamic_axes}) runs
 * that many rows at a time, so it serves any number of rows; an output whose first dimension does not follow the
 * input's is refused. For binary classification a two-column output is read as the probabilities
 * of both classes and the second column is served; for multiclass {@code k} must equal the number of classes.
 *
 * <p>Sessions are created with {@link SessionSettings}: one intra-op thread per request unless
 * {@code prodline.onnx.intraOpThreads} says otherwise.
 */
public final class OnnxRuntimeProvider implements ModelRuntimeProvider {
  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public ModelRuntime load(Path modelFile, BundleManifest manifest) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session = null;
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      session = env.createSession(modelFile.toString(), options);
      Map.Entry<String, NodeInfo> input = singleInput(session, modelFile);
      int width = inputWidth(input, modelFile);
      Map.Entry<String, NodeInfo> output = servedOutput(session, modelFile);
      long[] outShape = outputShape(output, modelFile);
      int outputColumns = outShape.length == 1 ? 1 : (int) outShape[1];
      int served = servedColumns(manifest, outputColumns, modelFile);
      return new OnnxModelRuntime(env, session, input.getKey(), output.getKey(), outShape.length == 1, width,
          outputColumns, served, fixedRows(input, output, modelFile));
    } catch (OrtException e) {
      closeQuietly(session);
      throw new ProdlineException(modelFile + ": ONNX Runtime cannot load this model: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(session);
      throw e;
    }
  }

  static Map.Entry<String, NodeInfo> singleInput(OrtSession session, Path file) throws OrtException {
    Map<String, NodeInfo> inputs = session.getInputInfo();
    if (inputs.size() != 1) {
      throw new NotTabularException(file + ": the model has " + inputs.size() + " inputs " + inputs.keySet()
          + "; prodline feeds one float tensor [N, d] of transformed features, so export the model with one input");
    }
    return inputs.entrySet().iterator().next();
  }

  /**
   * The first float32 output: classifiers exported by skl2onnx and others put the predicted label (int64 or string)
   * first and the scores after it; prodline serves scores.
   */
  static Map.Entry<String, NodeInfo> servedOutput(OrtSession session, Path file) throws OrtException {
    Map<String, NodeInfo> outputs = session.getOutputInfo();
    for (Map.Entry<String, NodeInfo> output : outputs.entrySet()) {
      if (output.getValue().getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT) {
        return output;
      }
    }
    throw new NotTabularException(file + ": no output is a float32 tensor (the outputs are " + outputs.keySet()
        + "); prodline serves a float32 output [N], [N, 1] or [N, k], so export classifiers without ZipMap (e.g."
        + " skl2onnx options zipmap=False)");
  }

  static int inputWidth(Map.Entry<String, NodeInfo> input, Path file) {
    return (int) inputShape(input, file)[1];
  }

  /**
   * The rows the graph takes in one run when its input's first dimension is a number rather than a symbol (a
   * PyTorch export without {@code dynamic_axes} fixes it, often to 1), else 0; refuses an output whose first
   * dimension does not follow the input's, such as a sum over the rows, which has no value per row to serve.
   */
  static int fixedRows(Map.Entry<String, NodeInfo> input, Map.Entry<String, NodeInfo> output, Path file) {
    long inputRows = inputShape(input, file)[0];
    long outputRows = outputShape(output, file)[0];
    boolean follows = outputRows <= 0 || outputRows == inputRows;
    if (!follows) {
      throw new NotTabularException(file + ": output '" + output.getKey() + "' has " + outputRows + " rows "
          + (inputRows > 0 ? "where input '" + input.getKey() + "' has " + inputRows
              : "whatever the rows of input '" + input.getKey() + "'")
          + "; prodline serves one output row per input row, so the output's first dimension must be the input's");
    }
    return inputRows > 0 ? (int) inputRows : 0;
  }

  /** The input's shape, which must be float32 {@code [N, d]} with a fixed {@code d}. */
  static long[] inputShape(Map.Entry<String, NodeInfo> input, Path file) {
    NodeInfo node = input.getValue();
    if (!(node.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
      throw new NotTabularException(file + ": input '" + input.getKey() + "' is " + describe(node) + "; prodline feeds"
          + " the model one float32 tensor [N, d] of features, so export it with a float32 input (a Cast node in the"
          + " graph can turn it into the type the model computes in)");
    }
    long[] shape = tensor.getShape();
    if (shape.length != 2 || shape[1] <= 0) {
      throw new NotTabularException(file + ": input '" + input.getKey() + "' is " + describe(node) + "; prodline feeds"
          + " the model one float32 tensor [N, d] of features, d fixed, one row per instance");
    }
    return shape;
  }

  /** The shape of the served output, a float32 tensor ({@link #servedOutput}): {@code [N]} or {@code [N, k]}. */
  static long[] outputShape(Map.Entry<String, NodeInfo> output, Path file) {
    long[] shape = ((TensorInfo) output.getValue().getInfo()).getShape();
    if (shape.length == 0 || shape.length > 2) {
      throw new NotTabularException(file + ": output '" + output.getKey() + "' is " + describe(output.getValue())
          + "; prodline serves a float32 output [N], [N, 1] or [N, k], one row per instance");
    }
    return shape;
  }

  /** A graph value in a user's words: {@code an int64 tensor [-1, 4]} (-1: a dimension of any size). */
  static String describe(NodeInfo node) {
    if (node.getInfo() instanceof TensorInfo tensor) {
      String type = tensor.onnxType.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "").toLowerCase(Locale.ROOT);
      return "a" + (type.matches("[aeiou].*") ? "n " : " ") + type + " tensor " + Arrays.toString(tensor.getShape());
    }
    return node.getInfo().toString();
  }

  /** How many output columns reach the caller, checked against the manifest's task. */
  private static int servedColumns(BundleManifest manifest, int outputColumns, Path file) {
    Task task = manifest.task();
    if (task == Task.BINARY_CLASSIFICATION && (outputColumns == 1 || outputColumns == 2)) {
      return 1;
    }
    if (task == Task.MULTICLASS_CLASSIFICATION && outputColumns == manifest.classes().size()) {
      return outputColumns;
    }
    if (task == Task.REGRESSION && outputColumns == 1) {
      return 1;
    }
    if (task == Task.BINARY_CLASSIFICATION || task == Task.REGRESSION) {
      throw new ProdlineException(file + ": the model outputs " + outputColumns + " values per row, but a "
          + task.fileName() + " model must output 1" + (task == Task.BINARY_CLASSIFICATION ? " or 2" : ""));
    }
    throw new ProdlineException(file + ": the model outputs " + outputColumns + " values per row, but bundle.yaml"
        + " lists " + manifest.classes().size() + " classes");
  }

  /** Closes a loaded model's session when the model is unloaded. */
  static void close(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session failed", e);
    }
  }

  static void closeQuietly(OrtSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException ignored) {
        // Already failing; the load error is the one worth reporting.
      }
    }
  }
}
