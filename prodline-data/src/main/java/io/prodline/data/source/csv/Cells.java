package io.prodline.data.source.csv;

import io.prodline.core.frame.ColumnType;
import java.util.Locale;

/**
 * Strict parsing of CSV cells into typed values; each method throws {@link IllegalArgumentException} (a
 * {@link NumberFormatException} for numbers) when the text is not of that type.
 *
 * <p>{@link Double#parseDouble} alone would also accept surrounding blanks, hexadecimal and suffixes such as
 * {@code 1d}, so a column of such text would silently become numbers; only plain decimal notation and the
 * words of {@link #parseFloat64} are numbers here.
 */
final class Cells {
  private Cells() {}

  /** A 64-bit integer: optional sign, then digits. */
  static long parseInt64(String cell) {
    return Long.parseLong(cell);
  }

  /**
   * A decimal number with optional sign, fraction and exponent, or (in any letter case) NaN, Inf, Infinity,
   * with an optional sign on the infinities.
   */
  static double parseFloat64(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return parseWord(cell);
      }
    }
    return Double.parseDouble(cell);
  }

  private static double parseWord(String cell) {
    return switch (cell.toLowerCase(Locale.ROOT)) {
      case "nan" -> Double.NaN;
      case "inf", "infinity", "+inf", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw new NumberFormatException("not a number: " + cell);
    };
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

  /** Whether a cell fits a type; used while inferring types, when a misfit only rules the type out. */
  static boolean fits(String cell, ColumnType type) {
    try {
      switch (type) {
        case INT64 -> parseInt64(cell);
        case FLOAT64 -> parseFloat64(cell);
        case BOOL -> parseBool(cell);
        case STRING -> { }
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
