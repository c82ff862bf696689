package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Int64Column;

/**
 * The non-null values of one batch of a numeric column as a dense array, with their weights unless all are 1.
 *
 * <p>Read once per batch and shared by {@link MomentsCombiner} and {@link QuantilesCombiner}, so their loops run
 * over a plain {@code double[]} instead of asking the column's null mask, a virtual getter and the weights row
 * by row, and the quantile sketch takes all values in one array update.
 */
final class NumericValues {
  private final double[] values;
  private final double[] weights;
  private final int count;

  private NumericValues(double[] values, double[] weights, int count) {
    this.values = values;
    this.weights = weights;
    this.count = count;
  }

  /** The non-null values of a float64 or int64 column, in row order; bool columns read as 0/1. */
  static NumericValues of(Column column, Weights weights) {
    weights.requireRows(column.size());
    int size = column.size();
    double[] values = new double[size - column.nullCount()];
    double[] kept = weights.isUnit() ? null : new double[values.length];
    boolean noNulls = column.nullCount() == 0;
    int n = 0;
    for (int row = 0; row < size; row++) {
      if (noNulls || !column.isNull(row)) {
        values[n] = valueAt(column, row);
        if (kept != null) {
          kept[n] = weights.get(row);
        }
        n++;
      }
    }
    return new NumericValues(values, kept, n);
  }

  private static double valueAt(Column column, int row) {
    if (column instanceof Float64Column f) {
      return f.value(row);
    }
    if (column instanceof Int64Column i) {
      return i.value(row);
    }
    return column.getDouble(row);
  }

  int count() {
    return count;
  }

  double value(int i) {
    return values[i];
  }

  double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** The values array itself (the first {@link #count()} entries); callers must not change it. */
  double[] array() {
    return values;
  }
}
