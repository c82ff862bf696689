package io.prodline.core.predict;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.runtime.ModelRuntime;
import io.prodline.core.runtime.ModelRuntimes;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A bundle ready to predict: raw {@link Frame} in, {@link Predictions} out, through the bundle's fitted transform
 * and its runtime. The server, batch scoring and evaluation all predict through this one class.
 * Thread-safe.
 */
public final class Predictor implements AutoCloseable {
  private final Bundle bundle;
  private final ModelRuntime runtime;
  /** {@link Bundle#definesMissingValues()}, asked on every served request, so worked out once. */
  private final boolean definesMissingValues;
  /** {@link #inputTypes()}, looked up by name on every served request, so built once. */
  private final Map<String, ColumnType> inputTypes;

  private Predictor(Bundle bundle, ModelRuntime runtime) {
    this.bundle = bundle;
    this.runtime = runtime;
    this.definesMissingValues = bundle.definesMissingValues();
    Map<String, ColumnType> types = new HashMap<>();
    for (Field input : bundle.manifest().inputs()) {
      types.put(input.name(), input.type());
    }
    this.inputTypes = Map.copyOf(types);
  }

  public static Predictor load(Path bundleDirectory) {
    return of(BundleReader.read(bundleDirectory));
  }

  /** Loads the bundle's runtime and checks that the transform produces exactly the inputs the model takes. */
  public static Predictor of(Bundle bundle) {
    if (bundle.transform() == null) {
      throw new ProdlineException(bundle.directory() + ": the bundle has no transform file, so requests cannot be"
          + " turned into model inputs; write one (transform.json) naming each input feature");
    }
    ModelRuntime runtime = ModelRuntimes.load(bundle);
    if (runtime.inputWidth() != bundle.transform().width()) {
      runtime.close();
      throw new ProdlineException(bundle.directory() + ": the transform produces " + bundle.transform().width()
          + " values per row but the model takes " + runtime.inputWidth() + "; retrain or fix transform.json");
    }
    return new Predictor(bundle, runtime);
  }

  public Bundle bundle() {
    return bundle;
  }

  /** Whether NaN means a missing value for every float input of this model ({@link Bundle#definesMissingValues}). */
  public boolean definesMissingValues() {
    return definesMissingValues;
  }

  /** The type of each raw input feature the manifest declares, by feature name. */
  public Map<String, ColumnType> inputTypes() {
    return inputTypes;
  }

  public Predictions predict(Frame raw) {
    return predictEncoded(encode(raw), raw.rowCount());
  }

  /**
   * The model inputs of {@code raw}: {@link #inputWidth()} floats per row, row-major. Together with
   * {@link #predictEncoded} this lets a caller encode requests one by one and run their rows as one batch.
   */
  public float[] encode(Frame raw) {
    return bundle.transform().apply(raw);
  }

  /**
   * Where encoded rows hold an infinity, or -1: a finite input beyond float32's range (1e300 sent as a float64) that
   * the transform carried into the model, which computes in float32, as infinity. Callers that refuse infinite
   * inputs refuse these too, which would otherwise reach the model unseen. The index is row * {@link #inputWidth()}
   * + the model input ({@link #inputName}).
   */
  public static int firstInfinite(float[] features) {
    for (int i = 0; i < features.length; i++) {
      if (Float.isInfinite(features[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The name of model input {@code column} (a raw feature's name for a model that takes its features as they are). */
  public String inputName(int column) {
    return bundle.transform().outputNames().get(column);
  }

  /** Predicts rows already encoded by {@link #encode}; {@code features} holds {@code rows * inputWidth()} floats. */
  public Predictions predictEncoded(float[] features, int rows) {
    float[] out = runtime.predict(features, rows);
    return new Predictions(bundle.manifest().task(), bundle.manifest().classes(), rows, runtime.outputWidth(), out,
        bundle.tensors() != null && bundle.tensors().columnOutput());
  }

  /** Number of model inputs per row, as {@link #encode} produces them. */
  public int inputWidth() {
    return bundle.transform().width();
  }

  @Override
  public void close() {
    runtime.close();
  }
}
