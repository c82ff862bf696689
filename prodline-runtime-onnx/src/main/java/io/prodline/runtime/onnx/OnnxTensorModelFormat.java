package io.prodline.runtime.onnx;

import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorModelFormat;
import java.nio.file.Path;
import java.util.List;

/** A {@code model.onnx} served tensor for tensor ({@link OnnxTensorModel}). */
public final class OnnxTensorModelFormat implements TensorModelFormat {
  @Override
  public List<String> fileNames() {
    return List.of("model.onnx");
  }

  @Override
  public TensorModel load(Path modelFile) {
    return OnnxTensorModel.load(modelFile);
  }
}
