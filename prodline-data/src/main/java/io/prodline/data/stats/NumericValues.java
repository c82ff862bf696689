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
    double[] values = new double[column.size() - column.nullCount()];
    int n = 0;
    if (column instanceof Float64Column f) {
      for (int row = 0; row < f.size(); row++) {
        if (!f.isNull(row)) {
          values[n++] = f.value(row);
        }
      }
    } else if (column instanceof Int64Column i) {
      for (int row = 0; row < i.size(); row++) {
        if (!i.isNull(row)) {
          values[n++] = i.value(row);
        }
      }
    } else {
      for (int row = 0; row < column.size(); row++) {
        if (!column.isNull(row)) {
          values[n++] = column.getDouble(row);
        }
      }
    }
    return new NumericValues(values, weights.isUnit() ? null : nonNullWeights(column, weights, n), n);
  }

  private static double[] nonNullWeights(Column column, Weights weights, int count) {
    double[] kept = new double[count];
    int n = 0;
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        kept[n++] = weights.get(row);
      }
    }
    return kept;
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
