package io.prodline.data.source.csv;

import io.prodline.core.frame.ColumnType;

/**
 * The type of one column, inferred from the non-missing cells of the sample: the first of int64, float64 and
 * bool that every cell fits, else string; string too when the sample has no value at all.
 *
 * <p>Each type stays a candidate until one cell does not fit it, so a cell is parsed at most once per type that
 * is still possible.
 */
final class TypeGuess {
  private boolean sawValue;
  private boolean int64 = true;
  private boolean float64 = true;
  private boolean bool = true;

  /** Takes in one non-missing cell. */
  void observe(String cell) {
    sawValue = true;
    int64 = int64 && Cells.fits(cell, ColumnType.INT64);
    float64 = float64 && Cells.fits(cell, ColumnType.FLOAT64);
    bool = bool && Cells.fits(cell, ColumnType.BOOL);
  }

  ColumnType type() {
    if (!sawValue) {
      return ColumnType.STRING;
    }
    if (int64) {
      return ColumnType.INT64;
    }
    if (float64) {
      return ColumnType.FLOAT64;
    }
    return bool ? ColumnType.BOOL : ColumnType.STRING;
  }
}
