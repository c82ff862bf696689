package io.prodline.serving.protocol;

import java.util.Optional;

/**
 * Which non-finite inputs one model takes, first rule that applies:
 * <ol>
 *   <li>the model's {@code allow_nan} in the model config file: NaN and infinities alike;</li>
 *   <li>the server's {@code --allow-nan}, when it allows them;</li>
 *   <li>NaN, when it has a defined meaning for every float64 input of the model
 *       ({@link io.prodline.core.bundle.Bundle#definesMissingValues}: filled by the transform, or passed to XGBoost's
 *       trees, which send it their default way). The Open Inference Protocol has no null, so NaN is how its clients
 *       send a missing value; refusing it would break clients of xgbserver or Triton's FIL backend. Infinities
 *       are not missing values (XGBoost itself refuses them), so they stay refused;</li>
 *   <li>otherwise finite values only.</li>
 * </ol>
 * A pure function of its arguments, so a changed config file applies from the next request on.
 */
public final class NanPolicies {
  private NanPolicies() {}

  /**
   * @param configured the model's {@code allow_nan}, empty when the config file does not set it
   * @param serverAllows the server's {@code --allow-nan}
   * @param missingValuesDefined whether NaN has a meaning for every float input of the model
   */
  public static NonFiniteInputs of(Optional<Boolean> configured, boolean serverAllows, boolean missingValuesDefined) {
    if (configured.isPresent()) {
      return configured.get() ? NonFiniteInputs.ALLOWED : NonFiniteInputs.REFUSED;
    }
    if (serverAllows) {
      return NonFiniteInputs.ALLOWED;
    }
    return missingValuesDefined ? new NonFiniteInputs(true, false) : NonFiniteInputs.REFUSED;
  }
}
