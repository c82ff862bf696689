package io.prodline.serving.protocol;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import io.prodline.core.transform.FeatureEncoder;
import io.prodline.core.transform.FillStep;
import io.prodline.core.transform.NumericEncoder;
import java.util.Optional;

/**
 * Which non-finite inputs one model takes, first rule that applies:
 * <ol>
 *   <li>the model's {@code allow_nan} in the model config file: NaN and infinities alike;</li>
 *   <li>the server's {@code --allow-nan}, when it allows them;</li>
 *   <li>NaN, when it has a defined meaning for every float64 input of the model: the transform fills it (an
 *       imputation, as for a {@code null}), or the input passes through numeric steps, which keep NaN as NaN
 *       ({@link io.prodline.core.transform.NumericStep}), to an XGBoost model, whose trees send a missing value
 *       their default way. The Open Inference Protocol has no null, so NaN is how its clients send a missing value;
 *       refusing it would break clients of xgbserver or Triton's FIL backend. Infinities are not missing values
 *       (XGBoost itself refuses them), so they stay refused;</li>
 *   <li>otherwise finite values only.</li>
 * </ol>
 * A pure function of its arguments, so a changed config file applies from the next request on.
 */
public final class NanPolicies {
  private static final String XGBOOST = "xgboost";

  private NanPolicies() {}

  /**
   * @param configured the model's {@code allow_nan}, empty when the config file does not set it
   * @param serverAllows the server's {@code --allow-nan}
   */
  public static NonFiniteInputs of(Optional<Boolean> configured, boolean serverAllows, Bundle bundle) {
    if (configured.isPresent()) {
      return configured.get() ? NonFiniteInputs.ALLOWED : NonFiniteInputs.REFUSED;
    }
    if (serverAllows) {
      return NonFiniteInputs.ALLOWED;
    }
    return missingValueDefined(bundle) ? new NonFiniteInputs(true, false) : NonFiniteInputs.REFUSED;
  }

  private static boolean missingValueDefined(Bundle bundle) {
    boolean xgboost = XGBOOST.equals(bundle.manifest().runtime());
    for (Field input : bundle.manifest().inputs()) {
      if (input.type() != ColumnType.FLOAT64) {
        continue; // only float64 values can be NaN
      }
      for (FeatureEncoder encoder : bundle.transform().features()) {
        if (encoder.inputs().contains(input.name()) && !(encoder instanceof NumericEncoder numeric
            && (xgboost || numeric.steps().stream().anyMatch(FillStep.class::isInstance)))) {
          return false;
        }
      }
    }
    return true;
  }
}
