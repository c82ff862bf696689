package io.prodline.runtime.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.ModelRuntime;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * One loaded ONNX session. ONNX Runtime sessions are safe to run from many threads at once, so one instance
 * serves every request.
 */
final class OnnxModelRuntime implements ModelRuntime {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;
  private final Set<String> outputNames;
  private final int inputWidth;
  private final int modelColumns;
  private final int servedColumns;

  OnnxModelRuntime(OrtEnvironment env, OrtSession session, String inputName, String outputName, int inputWidth,
      int modelColumns, int servedColumns) {
    this.env = env;
    this.session = session;
    this.inputName = inputName;
    this.outputNames = Set.of(outputName);
    this.inputWidth = inputWidth;
    this.modelColumns = modelColumns;
    this.servedColumns = servedColumns;
  }

  @Override
  public int inputWidth() {
    return inputWidth;
  }

  @Override
  public int outputWidth() {
    return servedColumns;
  }

  @Override
  public float[] predict(float[] features, int rows) {
    if (features.length != rows * inputWidth) {
      throw new IllegalArgumentException("expected " + rows + " x " + inputWidth + " features, got " + features.length);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(features), new long[] {rows, inputWidth});
         OrtSession.Result result = session.run(Map.of(inputName, input), outputNames)) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[rows * servedColumns];
      if (servedColumns == modelColumns) {
        out.get(values);
      } else {
        // A binary classifier's [N, 2] probabilities: serve the second class's column.
        for (int row = 0; row < rows; row++) {
          values[row] = out.get(row * modelColumns + modelColumns - 1);
        }
      }
      return values;
    } catch (OrtException e) {
      throw new ProdlineException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session failed", e);
    }
  }
}
