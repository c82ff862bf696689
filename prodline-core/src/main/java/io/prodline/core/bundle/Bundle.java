package io.prodline.core.bundle;

import io.prodline.core.transform.FittedTransform;
import java.nio.file.Path;

/**
 * A model bundle read from disk: its directory, its manifest and its fitted transform.
 *
 * @param tensors for a bare model whose graph takes its inputs as one tensor (ONNX), that tensor's and the
 *     output's names, the manifest's inputs being its columns in order ({@link BareModels}); {@code null} for
 *     bundles with a {@code bundle.yaml} and bare models whose inputs are separate features (XGBoost)
 */
public record Bundle(Path directory, BundleManifest manifest, FittedTransform transform, TensorNames tensors) {
  /** A bundle whose inputs are separate features. */
  public Bundle(Path directory, BundleManifest manifest, FittedTransform transform) {
    this(directory, manifest, transform, null);
  }

  public Path modelFile() {
    return directory.resolve(manifest.modelFile());
  }
}
