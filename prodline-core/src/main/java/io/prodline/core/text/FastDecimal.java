package io.prodline.core.text;

/**
 * Parses the plain decimals that make up nearly every number in a CSV cell or a JSON request straight from ASCII
 * bytes, exactly, and declines anything else, so that the caller falls back to the parser that defines what a
 * number is in its format (the CSV reader's cell rules, Jackson for JSON).
 *
 * <p>Decimal to double: a cell of at most 18 digits whose value as an integer m is at most 2^53,
 * scaled by 10^e with |e| &lt;= 22, is m * 10^e or m / 10^-e in one correctly rounded operation, because both
 * m and 10^|e| are exact doubles (Clinger 1990, the "fast path" every correct parser takes). Other cells are
 * declined; a full parser then gives the correctly rounded value, so results never differ.
 */
public final class FastDecimal {
  /** Returned by {@link #parseLong} when it declines; no cell it accepts has this value. */
  public static final long DECLINED_LONG = Long.MIN_VALUE;

  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};
  /** Every integer from 0 to this, 2^53, is an exact double. */
  public static final long MAX_EXACT_MANTISSA = 1L << 53;
  /** The largest power of ten that is an exact double: 10^22. */
  public static final int MAX_EXACT_SCALE = 22;
  private static final long ZEROS = 0x3030303030303030L;

  private FastDecimal() {}

  /**
   * {@code [+-]?digits} of at most 18 digits, as a long; {@link #DECLINED_LONG} for anything else (longer,
   * or not an integer at all), which the caller hands to its full parser.
   */
  public static long parseLong(byte[] b, int from, int to) {
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
   * {@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} of at most 18 digits within the exact range above,
   * as a double; NaN when declined (no accepted text is NaN), which the caller hands to its full parser.
   */
  public static double parseDouble(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    double value = to - i <= 8 && i + 8 <= b.length ? shortDecimal(b, i, to) : Double.NaN;
    if (Double.isNaN(value)) {
      value = decimal(b, i, to);
    }
    return negative ? -value : value;
  }

  /**
   * The common cell, digits with at most one point in at most eight bytes, read as one word: the point is
   * squeezed out, the digits padded with leading zeros to eight and checked and combined eight at a time. NaN
   * for any other text (an exponent, a second point, no digit), which {@link #decimal} then decides on.
   */
  private static double shortDecimal(byte[] b, int from, int to) {
    int length = to - from;
    long word = EightBytes.at(b, from) & EightBytes.lowBytes(length);
    int digits = length;
    int fraction = 0;
    long points = EightBytes.matches(word, (byte) '.');
    if (points != 0) {
      int point = EightBytes.first(points);
      long before = EightBytes.lowBytes(point);
      word = word & before | (word >>> 8) & ~before;
      digits--;
      fraction = digits - point;
    }
    if (digits == 0) {
      return Double.NaN;
    }
    int pad = 8 - digits;
    word = word << (pad << 3) | ZEROS & EightBytes.lowBytes(pad);
    // A byte below '0' sets its high bit when '0' is subtracted, one above '9' when 0x46 is added.
    if (((word + 0x4646464646464646L | word - ZEROS) & 0x8080808080808080L) != 0) {
      return Double.NaN;
    }
    long mantissa = eightDigits(word);
    return fraction == 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
  }

  /** The value of eight ASCII digits, the most significant in the lowest byte: pairs, then fours, then all. */
  private static long eightDigits(long word) {
    long value = word - ZEROS;
    value = value * 10 + (value >>> 8);
    value = ((value & 0x000000FF000000FFL) * (100 + (1_000_000L << 32))
        + ((value >>> 16) & 0x000000FF000000FFL) * (1 + (10_000L << 32))) >>> 32;
    return value & 0xFFFFFFFFL;
  }

  /** Unsigned {@code digits[.digits?]|.digits} with an optional exponent, a digit at a time; NaN when declined. */
  private static double decimal(byte[] b, int from, int to) {
    // At most 18 digits, leading zeros included, cannot overflow the long; longer cells are rare and declined.
    int i = from;
    long mantissa = 0;
    int digit;
    while (i < to && (digit = b[i] - '0') >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      i++;
    }
    int digits = i - from;
    int scale = 0;
    if (i < to && b[i] == '.') {
      int fractionFrom = ++i;
      while (i < to && (digit = b[i] - '0') >= 0 && digit <= 9) {
        mantissa = mantissa * 10 + digit;
        i++;
      }
      scale = fractionFrom - i;
      digits -= scale;
    }
    if (digits == 0 || digits > 18) {
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
        digit = b[i] - '0';
        if (digit < 0 || digit > 9 || exponent > 1000) {
          return Double.NaN;
        }
        exponent = exponent * 10 + digit;
      }
      scale += negativeExponent ? -exponent : exponent;
    }
    return mantissa == 0 ? 0.0 : exact(mantissa, scale);
  }

  /**
   * {@code mantissa * 10^scale} when both factors are exact doubles ({@code 0 <= mantissa <= 2^53}, |scale| &lt;= 22),
   * which one correctly rounded multiplication or division then gives exactly; NaN otherwise, for the caller's full
   * parser.
   */
  static double exact(long mantissa, int scale) {
    if (mantissa < 0 || mantissa > MAX_EXACT_MANTISSA || scale < -MAX_EXACT_SCALE || scale > MAX_EXACT_SCALE) {
      return Double.NaN;
    }
    return scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
  }

  /** 10^e, exact, for 0 &lt;= e &lt;= {@link #MAX_EXACT_SCALE}. */
  public static double powerOfTen(int e) {
    return POWERS_OF_TEN[e];
  }
}
