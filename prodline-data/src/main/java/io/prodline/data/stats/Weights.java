package io.prodline.data.stats;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/**
 * Per-row example weights of one batch: all 1, or read from a numeric weight column.
 *
 * <p>Weights scale counts, means and standard deviations. Sketches (quantiles, histograms, distinct counts,
 * top values) and string lengths ignore them: they always count each row once.
 */
public final class Weights {
  private final int size;
  /** {@code null} when every weight is 1. */
  private final double[] values;

  private Weights(int size, double[] values) {
    this.size = size;
    this.values = values;
  }

  /** Weight 1 for each of {@code rows} rows. */
  public static Weights unit(int rows) {
    return new Weights(rows, null);
  }

  /**
   * The weights in {@code column}, which must be numeric with every value finite and non-negative; throws a
   * {@link ProdlineException} naming the column and row otherwise.
   */
  public static Weights fromColumn(String name, Column column) {
    if (column.type() != ColumnType.FLOAT64 && column.type() != ColumnType.INT64) {
      throw new ProdlineException("weight column '" + name + "' is " + column.type().fileName()
          + "; it must be float64 or int64");
    }
    double[] values = new double[column.size()];
    for (int row = 0; row < values.length; row++) {
      double w = column.getDouble(row);
      if (column.isNull(row) || !Double.isFinite(w) || w < 0) {
        throw new ProdlineException("weight column '" + name + "' has " + column.get(row) + " at row " + row
            + "; every weight must be a finite number >= 0");
      }
      values[row] = w;
    }
    return new Weights(values.length, values);
  }

  public int size() {
    return size;
  }

  /** Throws {@link IllegalArgumentException} unless these weights cover exactly {@code rows} rows. */
  void requireRows(int rows) {
    if (rows != size) {
      throw new IllegalArgumentException(size + " weights for a column of " + rows + " rows");
    }
  }

  /** Whether every weight is 1, so that weighted counts equal plain counts. */
  public boolean isUnit() {
    return values == null;
  }

  public double get(int row) {
    return values == null ? 1.0 : values[row];
  }
}
