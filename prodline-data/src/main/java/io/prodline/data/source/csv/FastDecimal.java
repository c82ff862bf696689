package io.prodline.data.source.csv;

/**
 * Parses the plain decimals that make up nearly every numeric CSV cell straight from ASCII bytes, exactly, and
 * declines anything else so the caller falls back to {@link Cells}, which defines what a number is.
 *
 * <p>Decimal to double: a cell of at most 18 significant digits whose value as an integer m is at most 2^53,
 * scaled by 10^e with |e| &lt;= 22, is m * 10^e or m / 10^-e in one correctly rounded operation, because both
 * m and 10^|e| are exact doubles (Clinger 1990, the "fast path" every correct parser takes). Other cells are
 * declined; {@link Double#parseDouble} then gives the correctly rounded value, so results never differ.
 */
final class FastDecimal {
  /** Returned by {@link #parseLong} when it declines; no cell it accepts has this value. */
  static final long DECLINED_LONG = Long.MIN_VALUE;

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};
  private static final long MAX_EXACT = 1L << 53;

  private FastDecimal() {}

  /**
   * {@code [+-]?digits} of at most 18 digits, as a long; {@link #DECLINED_LONG} for anything else (longer,
   * or not an integer at all), which the caller hands to {@link Cells#parseInt64}.
   */
  static long parseLong(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == to || to - i > 18) {
      return DECLINED_LONG;
    }
    long value = 0;
    for (; i < to; i++) {
      int digit = b[i] - '0';
      if (digit < 0 || digit > 9) {
        return DECLINED_LONG;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /**
   * {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} within the exact range above, as a double; NaN
   * when declined (no accepted cell is NaN), which the caller hands to {@link Cells#parseFloat64}.
   */
  static double parseDouble(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < to; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        digits++;
        if (point) {
          scale--;
        }
        if (mantissa != 0 || c != '0') {
          if (++significant > 18) {
            return Double.NaN;
          }
          mantissa = mantissa * 10 + (c - '0');
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    if (i < to) {
      if (b[i] != 'e' && b[i] != 'E' || ++i == to) {
        return Double.NaN;
      }
      boolean negativeExponent = false;
      if (b[i] == '-' || b[i] == '+') {
        negativeExponent = b[i] == '-';
        if (++i == to) {
          return Double.NaN;
        }
      }
      int exponent = 0;
      for (; i < to; i++) {
        int digit = b[i] - '0';
        if (digit < 0 || digit > 9 || exponent > 1000) {
          return Double.NaN;
        }
        exponent = exponent * 10 + digit;
      }
      scale += negativeExponent ? -exponent : exponent;
    }
    if (mantissa > MAX_EXACT || scale < -22 || scale > 22) {
      return mantissa == 0 ? (negative ? -0.0 : 0.0) : Double.NaN;
    }
    double value = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
    return negative ? -value : value;
  }
}
