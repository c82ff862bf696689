package io.prodline.runtime.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.prodline.core.error.ModelRunException;
import io.prodline.core.runtime.ModelRuntime;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One loaded ONNX session. ONNX Runtime sessions are safe to run from many threads at once, so one instance
 * serves every request.
 *
 * <p>A call reads its input from, and has ONNX Runtime write its output into, the calling thread's reused direct
 * buffers ({@link ThreadBuffer}): the output is pinned, i.e. preallocated by the caller, so the run returns no new
 * native tensor for the JNI layer to wrap, and the only copies are the features in and the predictions out.
 */
final class OnnxModelRuntime implements ModelRuntime {
  private static final ThreadBuffer INPUTS = new ThreadBuffer();
  private static final ThreadBuffer OUTPUTS = new ThreadBuffer();

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;
  private final String outputName;
  private final boolean vectorOutput;
  private final int inputWidth;
  private final int modelColumns;
  private final int servedColumns;
  private final int fixedRows;

  /**
   * @param vectorOutput whether the output has shape {@code [N]} rather than {@code [N, k]}: a pinned output must
   *     have the graph's rank
   * @param fixedRows the rows the graph takes in one run when its batch dimension is fixed (as
   *     {@code torch.onnx.export} writes a graph without {@code dynamic_axes}), else 0
   */
  OnnxModelRuntime(OrtEnvironment env, OrtSession session, String inputName, String outputName, boolean vectorOutput,
      int inputWidth, int modelColumns, int servedColumns, int fixedRows) {
    this.env = env;
    this.session = session;
    this.inputName = inputName;
    this.outputName = outputName;
    this.vectorOutput = vectorOutput;
    this.inputWidth = inputWidth;
    this.modelColumns = modelColumns;
    this.servedColumns = servedColumns;
    this.fixedRows = fixedRows;
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
    return fixedRows == 0 || rows == fixedRows ? run(features, rows) : runInGroups(features, rows);
  }

  /**
   * Runs a graph whose batch dimension is fixed {@link #fixedRows} rows at a time, so that it serves any number of
   * rows as a dynamic one does. The last group is filled up by repeating its last row, whose extra outputs are
   * dropped: rows are predicted independently, the same assumption that lets the server batch requests together.
   */
  private float[] runInGroups(float[] features, int rows) {
    float[] values = new float[rows * servedColumns];
    float[] group = new float[fixedRows * inputWidth];
    for (int first = 0; first < rows; first += fixedRows) {
      int taken = Math.min(fixedRows, rows - first);
      System.arraycopy(features, first * inputWidth, group, 0, taken * inputWidth);
      for (int filler = taken; filler < fixedRows; filler++) {
        System.arraycopy(features, (first + taken - 1) * inputWidth, group, filler * inputWidth, inputWidth);
      }
      System.arraycopy(run(group, fixedRows), 0, values, first * servedColumns, taken * servedColumns);
    }
    return values;
  }

  private float[] run(float[] features, int rows) {
    FloatBuffer in = INPUTS.take(features.length).put(features).flip();
    FloatBuffer out = OUTPUTS.take(rows * modelColumns);
    long[] outShape = vectorOutput ? new long[] {rows} : new long[] {rows, modelColumns};
    try (OnnxTensor input = OnnxTensor.createTensor(env, in, new long[] {rows, inputWidth});
         OnnxTensor output = OnnxTensor.createTensor(env, out, outShape);
         OrtSession.Result ignored = session.run(Map.of(inputName, input), Map.of(outputName, output))) {
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
      throw new ModelRunException("ONNX Runtime failed to run the model on " + rows + " rows: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    OnnxRuntimeProvider.close(session);
  }
}
