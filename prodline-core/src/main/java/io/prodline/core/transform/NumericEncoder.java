package io.prodline.core.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/** Passes a numeric (float64, int64 or bool) column through as a 32-bit float; null becomes NaN. */
public record NumericEncoder(String input) implements FeatureEncoder {
  @Override
  public void encode(Column column, float[] out, int stride, int offset) {
    if (column.type() == ColumnType.STRING) {
      throw new ProdlineException("feature '" + input + "' must be a number but got a string");
    }
    int rows = column.size();
    for (int row = 0, pos = offset; row < rows; row++, pos += stride) {
      out[pos] = (float) column.getDouble(row);
    }
  }
}
