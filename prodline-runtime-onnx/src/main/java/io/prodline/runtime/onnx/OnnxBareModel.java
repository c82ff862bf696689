package io.prodline.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.prodline.core.bundle.BareModelFormat;
import io.prodline.core.bundle.BareSignature;
import io.prodline.core.bundle.NotTabularException;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.error.ProdlineException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bare ONNX models: a {@code model.onnx} meeting {@link OnnxRuntimeProvider}'s contract, its signature read from the
 * graph. The {@code d} inputs are named {@code <input>_0 .. <input>_(d-1)} after the graph's input (e.g.
 * {@code input_0}), or {@code f0 ..} when that name is not a plain identifier. ONNX records no task, so it follows
 * from the width of the served output, the first float one ({@link OnnxRuntimeProvider#servedOutput}): 1
 * ({@code [N]} or {@code [N, 1]}) is regression, {@code k > 1} is multiclass classification with classes "0" ..
 * "k-1" (a two-column binary classifier thus gets both probabilities). The output width must be fixed in the
 * graph. The signature also keeps the graph's input and served output names and whether a one-value output is a
 * {@code [N, 1]} column ({@link TensorNames}), so protocols can accept the input as the one {@code [N, d]} tensor it
 * is in the graph and answer the output in the graph's shape.
 */
public final class OnnxBareModel implements BareModelFormat {
  @Override
  public List<String> fileNames() {
    return List.of("model.onnx");
  }

  @Override
  public String runtime() {
    return "onnx";
  }

  @Override
  public BareSignature read(Path modelFile) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    // The serving options (one intra-op thread, no spinning): default options would start a thread per core,
    // spinning, only to read the signature.
    try (OrtSession.SessionOptions options = SessionSettings.create();
         OrtSession session = env.createSession(modelFile.toString(), options)) {
      Map.Entry<String, NodeInfo> input = OnnxRuntimeProvider.singleInput(session, modelFile);
      int width = OnnxRuntimeProvider.inputWidth(input, modelFile);
      Map.Entry<String, NodeInfo> output = OnnxRuntimeProvider.servedOutput(session, modelFile);
      long[] shape = OnnxRuntimeProvider.outputShape(output, modelFile);
      OnnxRuntimeProvider.fixedRows(input, output, modelFile);
      long columns = shape.length == 1 ? 1 : shape[1];
      if (columns < 1) {
        throw new NotTabularException(modelFile + ": output '" + output.getKey() + "' has no fixed width (shape "
            + java.util.Arrays.toString(shape) + "); a bare model needs [N], [N, 1] or [N, k] with k fixed, or a "
            + "bundle.yaml naming its task");
      }
      String name = input.getKey();
      List<String> inputs = BareSignature.positionalNames(
          name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name + "_" : "f", width);
      TensorNames tensors = new TensorNames(name, output.getKey(), shape.length == 2 && columns == 1);
      return columns == 1
          ? new BareSignature(inputs, Task.REGRESSION, List.of(), tensors)
          : new BareSignature(inputs, Task.MULTICLASS_CLASSIFICATION, BareSignature.indexClasses((int) columns),
              tensors);
    } catch (OrtException e) {
      throw new ProdlineException(modelFile + ": ONNX Runtime cannot load this model: " + e.getMessage(), e);
    }
  }
}
