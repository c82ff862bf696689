package io.prodline.core.predict;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.frame.Frame;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import java.nio.file.Path;

/**
 * A bundle ready to predict: raw {@link Frame} in, {@link Predictions} out, through the bundle's fitted transform
 * and its runtime. The server, batch scoring and evaluation all predict through this one class.
 * Thread-safe.
 */
public final class Predictor implements AutoCloseable {
  private final Bundle bundle;
  private final ModelRuntime runtime;

  private Predictor(Bundle bundle, ModelRuntime runtime) {
    this.bundle = bundle;
    this.runtime = runtime;
  }

  public static Predictor load(Path bundleDirectory) {
    return of(BundleReader.read(bundleDirectory));
  }

  public static Predictor of(Bundle bundle) {
    return new Predictor(bundle, ModelRuntimes.load(bundle));
  }

  public Bundle bundle() {
    return bundle;
  }

  public Predictions predict(Frame raw) {
    float[] features = bundle.transform().apply(raw);
    float[] out = runtime.predict(features, raw.rowCount());
    return new Predictions(bundle.manifest().task(), bundle.manifest().classes(), raw.rowCount(),
        runtime.outputWidth(), out);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
