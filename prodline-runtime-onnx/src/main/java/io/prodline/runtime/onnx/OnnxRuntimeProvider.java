package io.prodline.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimeProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads {@code model.onnx} files (runtime name {@code onnx}): anything exported from PyTorch, TensorFlow or
 * scikit-learn, run by ONNX Runtime.
 *
 * <p>The contract a model must meet, checked at load: exactly one input, a float tensor of shape {@code [N, d]}
 * with a fixed {@code d} (the fitted transform's width); an output that is a float tensor of shape {@code [N]},
 * {@code [N, 1]} or {@code [N, k]}: the first such output is served ({@link #servedOutput}), so a classifier
 * exported with its predicted label first (skl2onnx's {@code label} int64, then {@code probabilities}) serves its
 * probabilities. For binary classification a two-column output is read as the probabilities
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
      long[] outShape = floatShape(output, modelFile, "output");
      int outputColumns = outShape.length == 1 ? 1 : (int) outShape[1];
      int served = servedColumns(manifest, outputColumns, modelFile);
      return new OnnxModelRuntime(env, session, input.getKey(), output.getKey(), outShape.length == 1, width,
          outputColumns, served);
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
      throw new ProdlineException(file + ": the model has " + inputs.size() + " inputs " + inputs.keySet()
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
    throw new ProdlineException(file + ": no output is a float32 tensor (the outputs are " + outputs.keySet()
        + "); prodline serves a float32 output [N], [N, 1] or [N, k], so export classifiers without ZipMap (e.g."
        + " skl2onnx options zipmap=False)");
  }

  static int inputWidth(Map.Entry<String, NodeInfo> input, Path file) {
    long[] shape = floatShape(input, file, "input");
    if (shape.length != 2 || shape[1] <= 0) {
      throw new ProdlineException(file + ": input '" + input.getKey() + "' has shape " + java.util.Arrays.toString(shape)
          + "; expected [N, d] with a fixed d");
    }
    return (int) shape[1];
  }

  static long[] floatShape(Map.Entry<String, NodeInfo> node, Path file, String role) {
    if (!(node.getValue().getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
      throw new ProdlineException(file + ": " + role + " '" + node.getKey() + "' is " + node.getValue().getInfo()
          + "; prodline needs a float32 tensor (export classifiers without ZipMap, e.g. skl2onnx options zipmap=False)");
    }
    long[] shape = tensor.getShape();
    if (shape.length == 0 || shape.length > 2) {
      throw new ProdlineException(file + ": " + role + " '" + node.getKey() + "' has shape "
          + java.util.Arrays.toString(shape) + "; expected [N] or [N, k]");
    }
    return shape;
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
