package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.StringColumn;

/** Per-dictionary-code row counts of a string column, so string combiners touch each distinct value once. */
final class StringColumns {
  private StringColumns() {}

  /** The column as a {@link StringColumn}; throws {@link IllegalArgumentException} for any other type. */
  static StringColumn require(Column column) {
    if (column instanceof StringColumn s) {
      return s;
    }
    throw new IllegalArgumentException("expected a string column but got " + column.type().fileName());
  }

  /** How many non-null rows hold each dictionary code. */
  static long[] codeCounts(StringColumn column) {
    long[] counts = new long[column.dictionarySize()];
    for (int row = 0; row < column.size(); row++) {
      int code = column.code(row);
      if (code >= 0) {
        counts[code]++;
      }
    }
    return counts;
  }
}
