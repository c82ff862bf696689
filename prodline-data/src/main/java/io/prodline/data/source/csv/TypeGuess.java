package io.prodline.data.source.csv;

import io.prodline.core.frame.ColumnType;
import java.util.Locale;

/**
 * The type of one column, inferred from the non-missing cells of the sample: the first of int64, float64 and
 * bool that every cell fits, else string; string too when the sample has no value at all.
 *
 * <p>Each type stays a candidate until one cell does not fit it, so a cell is checked only against the types that
 * are still possible. Numbers are counted to the end of the sample, though: a column of numbers with a few stray
 * words is read as string, and {@link #note} says so, with the first such word and its line.
 */
final class TypeGuess {
  /** Share of numbers in a column read as string above which the reading is worth a word. */
  private static final double MOSTLY_NUMBERS = 0.9;

  private long values;
  private long numbers;
  private String firstText;
  private long firstTextLine;
  private boolean int64 = true;
  private boolean bool = true;

  /** Takes in one non-missing cell, read on {@code line}. */
  void observe(String cell, long line) {
    values++;
    if (Cells.fits(cell, ColumnType.FLOAT64)) {
      numbers++;
    } else if (firstText == null) {
      firstText = cell;
      firstTextLine = line;
    }
    int64 = int64 && Cells.fits(cell, ColumnType.INT64);
    bool = bool && Cells.fits(cell, ColumnType.BOOL);
  }

  ColumnType type() {
    if (values == 0) {
      return ColumnType.STRING;
    }
    if (int64) {
      return ColumnType.INT64;
    }
    if (numbers == values) {
      return ColumnType.FLOAT64;
    }
    return bool ? ColumnType.BOOL : ColumnType.STRING;
  }

  /**
   * For a column read as string although at least 90% of its sampled values are numbers, one sentence saying so
   * with the first value that is not a number and how to read the column as numbers; null otherwise.
   */
  String note(String source, String column) {
    if (type() != ColumnType.STRING || numbers == 0 || numbers < MOSTLY_NUMBERS * values) {
      return null;
    }
    return String.format(Locale.ROOT, "%s: column '%s' is read as string although %d of its %d sampled values are"
        + " numbers; the first that is not is \"%s\" on line %d. If it is a number column, correct or blank such"
        + " values, or declare its type (float64) and skip the rows that do not fit as bad records",
        source, column, numbers, values, firstText, firstTextLine);
  }
}
