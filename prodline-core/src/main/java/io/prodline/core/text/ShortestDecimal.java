package io.prodline.core.text;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The shortest decimal text that reads back as the same float or double (Schubfach, jackson-core's), in Java's
 * notation ({@code 0.125}, {@code 1.0E-5}): the text the server's JSON answers carry, so a prediction written by
 * batch prediction reads the same as the served one. JDK 17's {@link Float#toString} and {@link Double#toString}
 * are sometimes longer than needed or differ in the last digit ({@code 1.9999999999999998E23} for {@code 2.0E23};
 * JDK 19 adopted the same algorithm), and formatting floats and doubles in turn through them made the JIT
 * recompile their shared conversion a dozen times in a long run: about 4% of a 10M-row prediction's CPU.
 */
public final class ShortestDecimal {
  private ShortestDecimal() {}

  public static String of(float value) {
    return NumberOutput.toString(value, true);
  }

  public static String of(double value) {
    return NumberOutput.toString(value, true);
  }
}
