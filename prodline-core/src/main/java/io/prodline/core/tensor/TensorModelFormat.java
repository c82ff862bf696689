package io.prodline.core.tensor;

import java.nio.file.Path;
import java.util.List;

/**
 * A runtime's way to load a model file as a {@link TensorModel}, found with {@link java.util.ServiceLoader} as the
 * runtimes' other formats are (so prodline without a runtime simply does not take its files).
 */
public interface TensorModelFormat {
  /** The model file names this format loads, e.g. {@code model.onnx}. */
  List<String> fileNames();

  /**
   * Loads the file.
   *
   * @throws io.prodline.core.error.ProdlineException naming the file and the problem when it cannot be served
   */
  TensorModel load(Path modelFile);
}
