package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.Arrays;

/**
 * The distinct non-null values of one batch of a categorical column with their row counts, read once per batch
 * and shared by the categorical combiners so that each touches every distinct value once. A string column gives
 * its dictionary values; an int64 column declared categorical gives its values as decimal text (TFDV's
 * convention for categorical integers), in ascending numeric order.
 */
final class ValueCounts {
  private final String[] values;
  private final long[] counts;

  private ValueCounts(String[] values, long[] counts) {
    this.values = values;
    this.counts = counts;
  }

  /** The values of a string or int64 column; throws {@link IllegalArgumentException} for any other type. */
  static ValueCounts of(Column column) {
    if (column instanceof StringColumn s) {
      return of(s);
    }
    if (column instanceof Int64Column i) {
      return of(i);
    }
    throw new IllegalArgumentException("expected a string or int64 column but got " + column.type().fileName());
  }

  private static ValueCounts of(StringColumn column) {
    long[] codeCounts = new long[column.dictionarySize()];
    int distinct = 0;
    for (int row = 0; row < column.size(); row++) {
      int code = column.code(row);
      if (code >= 0 && codeCounts[code]++ == 0) {
        distinct++;
      }
    }
    // A frame taken from a larger one keeps the whole dictionary: codes no row uses are left out.
    String[] values = new String[distinct];
    long[] counts = new long[distinct];
    int n = 0;
    for (int code = 0; code < codeCounts.length; code++) {
      if (codeCounts[code] > 0) {
        values[n] = column.dictionaryValue(code);
        counts[n++] = codeCounts[code];
      }
    }
    return new ValueCounts(values, counts);
  }

  /** Sorting a copy and counting runs needs no hash map of boxed longs and gives a deterministic order. */
  private static ValueCounts of(Int64Column column) {
    long[] sorted = new long[column.size() - column.nullCount()];
    int n = 0;
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        sorted[n++] = column.value(row);
      }
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    String[] values = new String[distinct];
    long[] counts = new long[distinct];
    int d = -1;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        values[++d] = Long.toString(sorted[i]);
      }
      counts[d]++;
    }
    return new ValueCounts(values, counts);
  }

  int size() {
    return values.length;
  }

  String value(int i) {
    return values[i];
  }

  long count(int i) {
    return counts[i];
  }
}
