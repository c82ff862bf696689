package io.prodline.core.bundle;

import java.nio.file.Path;
import java.util.List;

/**
 * A kind of model file that carries enough of its own signature (input width, output shape) to be served without
 * a {@code bundle.yaml}: a "bare" model, exactly as its framework saved it. {@link BareModels} finds the formats
 * with {@link java.util.ServiceLoader} (listed in {@code META-INF/services/io.prodline.core.bundle.BareModelFormat}),
 * so a runtime module that is absent (ONNX Runtime's native libraries are large) simply accepts no bare files.
 */
public interface BareModelFormat {
  /** The file names this format is recognised by in a version directory, e.g. {@code model.onnx}. */
  List<String> fileNames();

  /** The {@link io.prodline.core.runtime.ModelRuntimeProvider#name() runtime} that evaluates these files. */
  String runtime();

  /**
   * Reads the signature the model file carries. Throws {@link io.prodline.core.error.ProdlineException} naming the
   * file when it cannot be read or its signature cannot be served.
   */
  BareSignature read(Path modelFile);
}
