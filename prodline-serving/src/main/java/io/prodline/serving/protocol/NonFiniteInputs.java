package io.prodline.serving.protocol;

/**
 * Which non-finite float inputs may reach a model, whatever the protocol or format: NaN, the missing value of
 * float features, and the infinities. Refused unless allowed, since a NaN usually means a client-side bug and a
 * model quietly treats it as a missing value; a model's own setting or kind may allow NaN ({@link NanPolicies}).
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
