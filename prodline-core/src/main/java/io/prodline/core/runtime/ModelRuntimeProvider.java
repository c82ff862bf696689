package io.prodline.core.runtime;

import io.prodline.core.bundle.BundleManifest;
import java.nio.file.Path;

/**
 * Loads one kind of model file (named by {@code runtime} in {@code bundle.yaml}). Providers are found with
 * {@link java.util.ServiceLoader}, so a module adds a runtime by listing its provider in
 * {@code META-INF/services/io.prodline.core.runtime.ModelRuntimeProvider}.
 */
public interface ModelRuntimeProvider {
  /** The runtime name as written in {@code bundle.yaml}, e.g. {@code xgboost}. */
  String name();

  /**
   * Parses and prepares the model; all expensive work happens here. Throws
   * {@link io.prodline.core.error.ProdlineException} naming the file and problem when the model cannot be used.
   */
  ModelRuntime load(Path modelFile, BundleManifest manifest);
}
