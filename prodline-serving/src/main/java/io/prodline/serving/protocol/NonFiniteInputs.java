package io.prodline.serving.protocol;

import java.util.Optional;

/**
 * Which non-finite float inputs may reach a model, whatever the protocol or format: NaN, the missing value of
 * float features, and the infinities. Refused unless allowed, since a NaN usually means a client-side bug and a
 * model quietly treats it as a missing value; a model's own setting or kind may allow NaN ({@link #of}).
 * A JSON number beyond the float64 range ({@code 1e400}) is read as Infinity, so it falls under the same rule
 * rather than slipping past it.
 *
 * @param nan whether NaN may reach the model
 * @param infinity whether {@code ±Infinity} may reach the model
 */
public record NonFiniteInputs(boolean nan, boolean infinity) {
  /** Finite values only: the server's default. */
  public static final NonFiniteInputs REFUSED = new NonFiniteInputs(false, false);
  /** Every value, as {@code --allow-nan} or {@code allow_nan: true} say. */
  public static final NonFiniteInputs ALLOWED = new NonFiniteInputs(true, true);
  /** NaN as a missing value, but no infinity: for a model that defines what a missing value means. */
  public static final NonFiniteInputs NAN_ONLY = new NonFiniteInputs(true, false);

  /**
   * Which non-finite inputs one model takes, first rule that applies:
   * <ol>
   *   <li>the model's {@code allow_nan} in the model config file: NaN and infinities alike;</li>
   *   <li>the server's {@code --allow-nan}, when it allows them;</li>
   *   <li>NaN, when it has a defined meaning for every float64 input of the model
   *       ({@link io.prodline.core.bundle.Bundle#definesMissingValues}: filled by the transform, or passed to
   *       XGBoost's trees, which send it their default way). The Open Inference Protocol has no null, so NaN is how
   *       its clients send a missing value; refusing it would break clients of xgbserver or Triton's FIL backend.
   *       Infinities are not missing values (XGBoost itself refuses them), so they stay refused;</li>
   *   <li>otherwise finite values only.</li>
   * </ol>
   * A pure function of its arguments, so a changed config file applies from the next request on.
   *
   * @param configured the model's {@code allow_nan}, empty when the config file does not set it
   * @param serverAllows the server's {@code --allow-nan}
   * @param missingValuesDefined whether NaN has a meaning for every float input of the model
   */
  public static NonFiniteInputs of(Optional<Boolean> configured, boolean serverAllows,
      boolean missingValuesDefined) {
    if (configured.isPresent()) {
      return configured.get() ? ALLOWED : REFUSED;
    }
    if (serverAllows) {
      return ALLOWED;
    }
    return missingValuesDefined ? NAN_ONLY : REFUSED;
  }

  /** Whether {@code value} may reach the model. */
  public boolean accepts(double value) {
    return Double.isFinite(value) || (Double.isNaN(value) ? nan : infinity);
  }

  /** Whether every value passes, so that no element needs a look. */
  public boolean acceptsAll() {
    return nan && infinity;
  }

  /**
   * The answer to a value {@link #accepts} refused.
   *
   * @param subject names the value, e.g. {@code instance 0: feature 'age'}
   * @param written the value as the request wrote it: {@code NaN}, {@code Infinity}, or a number such as
   *     {@code 1e400}
   * @param instead what the client should send instead
   */
  public static BadRequestException refused(String subject, String written, String instead) {
    String number = MessageText.shortened(written);
    String shown = isNumeral(written) ? number + " (beyond the float64 range, so Infinity)" : number;
    return new BadRequestException(subject + " is " + shown + ", which this server does not accept; " + instead);
  }

  private static boolean isNumeral(String written) {
    int first = written.startsWith("-") || written.startsWith("+") ? 1 : 0;
    return written.length() > first && Character.isDigit(written.charAt(first));
  }
}
