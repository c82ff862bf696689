package io.prodline.core.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.StringColumn;
import java.time.DateTimeException;

/** Reads raw columns as the values encoders compute on, with errors that name the feature. */
public final class FeatureColumns {
  private FeatureColumns() {}

  /** A numeric (float64, int64, bool) column as doubles; a missing value becomes NaN. */
  public static double[] numbers(Column column, String feature) {
    requireNumbers(column, feature);
    double[] values = new double[column.size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = column.getDouble(row);
    }
    return values;
  }

  /** The column as strings; throws naming the feature when it is of another type. */
  public static StringColumn strings(Column column, String feature) {
    if (column instanceof StringColumn strings) {
      return strings;
    }
    throw new ProdlineException("feature '" + feature + "' must be a string (one of its categories) but got a "
        + column.type().fileName());
  }

  /**
   * {@code part} of each row's date (see {@link DateTimeText}); a missing value becomes NaN. Each distinct
   * string is parsed once. Throws naming the feature and the value when one is not a date.
   */
  public static double[] dateParts(Column column, String feature, DatePart part) {
    StringColumn strings = strings(column, feature);
    double[] byCode = new double[strings.dictionarySize()];
    for (int code = 0; code < byCode.length; code++) {
      String text = strings.dictionaryValue(code);
      try {
        byCode[code] = part.of(DateTimeText.parse(text));
      } catch (DateTimeException e) {
        throw new ProdlineException("feature '" + feature + "' has \"" + text + "\", which is not a date; accepted: "
            + DateTimeText.FORMATS);
      }
    }
    double[] values = new double[strings.size()];
    for (int row = 0; row < values.length; row++) {
      int code = strings.code(row);
      values[row] = code < 0 ? Double.NaN : byCode[code];
    }
    return values;
  }

  /**
   * Writes a numeric column as floats into column {@code offset} of the row-major matrix {@code out}, as
   * {@link #numbers} then {@link #write} would, without the doubles in between: what a feature passed through
   * unchanged costs.
   */
  static void writeNumbers(Column column, String feature, float[] out, int stride, int offset) {
    requireNumbers(column, feature);
    column.writeFloats(out, offset, stride);
  }

  private static void requireNumbers(Column column, String feature) {
    if (column.type() == ColumnType.STRING) {
      throw new ProdlineException("feature '" + feature + "' must be a number but got a string");
    }
  }

  /** Writes {@code values} as floats into column {@code offset} of the row-major matrix {@code out}. */
  static void write(double[] values, float[] out, int stride, int offset) {
    for (int row = 0, pos = offset; row < values.length; row++, pos += stride) {
      out[pos] = (float) values[row];
    }
  }
}
