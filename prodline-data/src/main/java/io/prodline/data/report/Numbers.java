package io.prodline.data.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as a person reads them in a report: four significant digits without trailing zeros, plain notation
 * for everyday magnitudes and scientific notation for the very large or small, so columns stay narrow.
 */
final class Numbers {
  private Numbers() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+inf" : "-inf";
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e9 || magnitude < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A nullable value; "–" when absent. */
  static String format(Double value) {
    return value == null ? "–" : format(value.doubleValue());
  }

  /** A fraction as a percentage, e.g. 0.0123 as "1.23%". */
  static String percent(double fraction) {
    return format(fraction * 100) + "%";
  }

  /** A count with thousands separators, e.g. 1,461. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
