package io.prodline.core.frame;

import java.util.BitSet;

/**
 * One immutable, typed column of a {@link Frame}: primitive values plus a null mask.
 *
 * <p>A column never changes after it is built; its builder hands the arrays over exactly once. Reading a
 * value of a null row returns the type's placeholder (0, false, code -1); check {@link #isNull(int)} first.
 */
public abstract sealed class Column permits Float64Column, Int64Column, BoolColumn, StringColumn {
  private final int size;
  /** Set bits are null rows; {@code null} when the column has no null at all (the common, fast case). */
  private final BitSet nulls;
  private final int nullCount;

  Column(int size, BitSet nulls) {
    this.size = size;
    this.nulls = (nulls == null || nulls.isEmpty()) ? null : nulls;
    this.nullCount = this.nulls == null ? 0 : this.nulls.cardinality();
  }

  public abstract ColumnType type();

  public final int size() {
    return size;
  }

  public final boolean isNull(int row) {
    return nulls != null && nulls.get(row);
  }

  public final int nullCount() {
    return nullCount;
  }

  /** The value of a row as a boxed Java object ({@link Double}, {@link Long}, {@link Boolean}, {@link String}) or null. */
  public abstract Object get(int row);

  /** The value as a double: numbers as they are, booleans as 0/1, null as NaN; strings throw. */
  public abstract double getDouble(int row);

  /**
   * Writes every row's {@link #getDouble} as a float to {@code out[offset + row * stride]}, one column of a row-major
   * matrix. Each column type loops over its own values: a call per value is not inlined at a call site that sees
   * several column types, and cost more than the copy.
   */
  public void writeFloats(float[] out, int offset, int stride) {
    for (int row = 0, at = offset; row < size; row++, at += stride) {
      out[at] = (float) getDouble(row);
    }
  }

  /** A new builder of this column's type. */
  public static ColumnBuilder builder(ColumnType type) {
    return builder(type, 16);
  }

  /**
   * A new builder with room for {@code expectedRows} rows, for a reader that knows its batch size: the arrays
   * are not regrown while appending, nor copied when exactly that many rows are built.
   */
  public static ColumnBuilder builder(ColumnType type, int expectedRows) {
    return switch (type) {
      case FLOAT64 -> new Float64Column.Builder(expectedRows);
      case INT64 -> new Int64Column.Builder(expectedRows);
      case BOOL -> new BoolColumn.Builder(expectedRows);
      case STRING -> new StringColumn.Builder(expectedRows);
    };
  }

  final BitSet nullsOrNull() {
    return nulls;
  }
}
