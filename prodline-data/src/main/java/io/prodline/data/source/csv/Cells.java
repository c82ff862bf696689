package io.prodline.data.source.csv;

import io.prodline.core.frame.ColumnType;
import java.util.Locale;
import java.util.Map;

/**
 * Strict parsing of CSV cells into typed values; each method throws {@link IllegalArgumentException} (a
 * {@link NumberFormatException} for numbers) when the text is not of that type.
 *
 * <p>{@link Double#parseDouble} alone would also accept surrounding blanks, hexadecimal and suffixes such as
 * {@code 1d}, so a column of such text would silently become numbers; only plain decimal notation and the
 * words of {@link #parseFloat64} are numbers here.
 */
final class Cells {
  private static final Map<String, Double> WORDS = Map.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
      "infinity", Double.POSITIVE_INFINITY, "+inf", Double.POSITIVE_INFINITY, "+infinity",
      Double.POSITIVE_INFINITY, "-inf", Double.NEGATIVE_INFINITY, "-infinity", Double.NEGATIVE_INFINITY);
  private static final int LONGEST_WORD = "+infinity".length();
  /**
   * An integer cell of up to 18 characters always fits a long (the largest, 9223372036854775807, has 19 digits);
   * a longer one is left to {@link Long#parseLong} to decide.
   */
  private static final int SAFE_LONG_DIGITS = 18;

  private Cells() {}

  /** A 64-bit integer: optional sign, then ASCII digits. */
  static long parseInt64(String cell) {
    if (!isIntegerText(cell)) {
      throw new NumberFormatException("not a 64-bit integer: " + cell);
    }
    return Long.parseLong(cell); // which refuses only a value beyond 64 bits now
  }

  /**
   * A decimal number with optional sign, fraction and exponent, or (in any letter case) NaN, Inf, Infinity,
   * with an optional sign on the infinities.
   */
  static double parseFloat64(String cell) {
    if (isDecimal(cell)) {
      return Double.parseDouble(cell);
    }
    Double word = word(cell);
    if (word == null) {
      throw new NumberFormatException("not a number: " + cell);
    }
    return word;
  }

  /** {@code true} or {@code false}, in any letter case. */
  static boolean parseBool(String cell) {
    if (cell.equalsIgnoreCase("true")) {
      return true;
    }
    if (cell.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("not a boolean: " + cell);
  }

  /**
   * Whether a cell fits a type; used while inferring types, where most cells of a sample rule some type out, so
   * it decides without parsing and without an exception per misfit.
   */
  static boolean fits(String cell, ColumnType type) {
    return switch (type) {
      case INT64 -> isInt64(cell);
      case FLOAT64 -> isDecimal(cell) || word(cell) != null;
      case BOOL -> cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false");
      case STRING -> true;
    };
  }

  private static boolean isInt64(String cell) {
    if (!isIntegerText(cell)) {
      return false;
    }
    if (cell.length() <= SAFE_LONG_DIGITS) {
      return true;
    }
    try {
      Long.parseLong(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** An optional sign, then ASCII digits, at least one. */
  private static boolean isIntegerText(String cell) {
    int start = sign(cell, 0);
    int digits = digitsFrom(cell, start);
    return digits > 0 && start + digits == cell.length();
  }

  /**
   * Plain decimal notation, exactly what {@link Double#parseDouble} reads of it: optional sign, digits with at
   * most one point and at least one digit, then optionally e or E, an optional sign and digits.
   */
  private static boolean isDecimal(String cell) {
    int at = sign(cell, 0);
    int whole = digitsFrom(cell, at);
    at += whole;
    int fraction = 0;
    if (at < cell.length() && cell.charAt(at) == '.') {
      fraction = digitsFrom(cell, at + 1);
      at += 1 + fraction;
    }
    if (whole + fraction == 0) {
      return false;
    }
    if (at < cell.length() && (cell.charAt(at) == 'e' || cell.charAt(at) == 'E')) {
      at = sign(cell, at + 1);
      int exponent = digitsFrom(cell, at);
      if (exponent == 0) {
        return false;
      }
      at += exponent;
    }
    return at == cell.length();
  }

  /** The value of one of the words NaN, Inf and Infinity in any letter case, null for any other text. */
  private static Double word(String cell) {
    return cell.length() <= LONGEST_WORD ? WORDS.get(cell.toLowerCase(Locale.ROOT)) : null;
  }

  /** {@code at} moved past a sign there, if any. */
  private static int sign(String cell, int at) {
    return at < cell.length() && (cell.charAt(at) == '+' || cell.charAt(at) == '-') ? at + 1 : at;
  }

  /** How many ASCII digits follow from {@code at}. */
  private static int digitsFrom(String cell, int at) {
    int end = at;
    while (end < cell.length() && cell.charAt(end) >= '0' && cell.charAt(end) <= '9') {
      end++;
    }
    return end - at;
  }
}
