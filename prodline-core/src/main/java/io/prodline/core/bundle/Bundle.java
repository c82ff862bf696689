package io.prodline.core.bundle;

import io.prodline.core.transform.FittedTransform;
import java.nio.file.Path;

/** A model bundle read from disk: its directory, its manifest and its fitted transform. */
public record Bundle(Path directory, BundleManifest manifest, FittedTransform transform) {
  public Path modelFile() {
    return directory.resolve(manifest.modelFile());
  }
}
