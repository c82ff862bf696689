package io.prodline.core.bundle;

import io.prodline.core.frame.ColumnType;
import io.prodline.core.runtime.xgboost.XGBoostRuntimeProvider;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.FittedTransform;
import io.prodline.core.transform.NumericEncoder;
import java.nio.file.Path;

/**
 * A model bundle read from disk: its directory, its manifest and its fitted transform.
 *
 * @param tensors for a bare model whose framework takes its inputs as one tensor (an ONNX graph, an XGBoost
 *     matrix), that tensor's and the output's names, the manifest's inputs being its columns in order
 *     ({@link BareModels}); {@code null} for bundles with a {@code bundle.yaml}
 */
public record Bundle(Path directory, BundleManifest manifest, FittedTransform transform, TensorNames tensors) {
  /** A bundle whose inputs are separate features. */
  public Bundle(Path directory, BundleManifest manifest, FittedTransform transform) {
    this(directory, manifest, transform, null);
  }

  public Path modelFile() {
    return directory.resolve(manifest.modelFile());
  }

  /**
   * Whether NaN has a defined meaning for every float64 input: the transform fills it (an imputation, as for a
   * missing value), or the input passes through numeric steps, which keep NaN as NaN
   * ({@link io.prodline.core.transform.NumericStep}), to an XGBoost model, whose trees send a missing value their
   * default way. A walk over the transform; {@link io.prodline.core.predict.Predictor} keeps the answer.
   */
  public boolean definesMissingValues() {
    boolean xgboost = XGBoostRuntimeProvider.NAME.equals(manifest.runtime());
    for (Field input : manifest.inputs()) {
      if (input.type() != ColumnType.FLOAT64) {
        continue; // only float64 values can be NaN
      }
      for (FeatureEncoder encoder : transform.features()) {
        if (encoder.inputs().contains(input.name()) && !(encoder instanceof NumericEncoder numeric
            && (xgboost || numeric.steps().stream().anyMatch(FillStep.class::isInstance)))) {
          return false;
        }
      }
    }
    return true;
  }
}
