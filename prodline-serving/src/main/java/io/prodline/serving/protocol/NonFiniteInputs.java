package io.prodline.serving.protocol;

/**
 * The server's one rule for NaN and infinities in float inputs, whatever the protocol or format: they are refused
 * unless the server allows NaN ({@code --allow-nan}), since a NaN usually means a client-side bug and a model
 * quietly treats it as a missing value. A JSON number beyond the float64 range ({@code 1e400}) is read as Infinity,
 * so it falls under the same rule rather than slipping past it.
 */
public final class NonFiniteInputs {

  private NonFiniteInputs() {}

  /** Whether {@code value} may reach the model. */
  public static boolean accepted(double value, boolean allowNaN) {
    return allowNaN || Double.isFinite(value);
  }

  /**
   * The answer to a value {@link #accepted} refused.
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
