package io.prodline.core.frame;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;

/** A column of 64-bit floating-point values. NaN is a value, distinct from null (missing). */
public final class Float64Column extends Column {
  private final double[] values;

  Float64Column(double[] values, int size, BitSet nulls) {
    super(size, nulls);
    this.values = values;
  }

  /** A column holding a copy of {@code values}, no nulls. */
  public static Float64Column of(double... values) {
    return new Float64Column(values.clone(), values.length, null);
  }

  /**
   * A column of {@code rows} values taken from a row-major array, every {@code stride}-th from {@code offset}: one
   * column of a matrix whose rows are {@code stride} wide, copied out without a builder.
   */
  public static Float64Column ofStrided(double[] values, int offset, int stride, int rows) {
    double[] column = new double[rows];
    for (int row = 0, at = offset; row < rows; row++, at += stride) {
      column[row] = values[at];
    }
    return new Float64Column(column, rows, null);
  }

  @Override
  public ColumnType type() {
    return ColumnType.FLOAT64;
  }

  public double value(int row) {
    return values[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : values[row];
  }

  /**
   * The first row from {@code from} on whose value is NaN or an infinity, or -1: a scan without a branch per row
   * that is ever taken on finite data, for checks that run on every batch. A null row counts only when its
   * placeholder is non-finite; ask {@link #isNull} for missing values.
   */
  public int firstNonFinite(int from) {
    for (int row = from; row < size(); row++) {
      double value = values[row];
      if (value - value != 0) { // NaN for NaN and the infinities, 0 for every finite value
        return row;
      }
    }
    return -1;
  }

  /** Puts every row's value into {@code to}, a null row's placeholder too: one bulk copy into a columnar buffer. */
  public void copyTo(DoubleBuffer to) {
    to.put(values, 0, size());
  }

  @Override
  public void writeFloats(float[] out, int offset, int stride) {
    for (int row = 0, at = offset; row < size(); row++, at += stride) {
      out[at] = isNull(row) ? Float.NaN : (float) values[row];
    }
  }

  /** Appends float64 values. */
  public static final class Builder extends ColumnBuilder {
    private double[] values;

    public Builder() {
      this(16);
    }

    /** A builder with room for {@code capacity} rows before it grows. */
    public Builder(int capacity) {
      values = new double[capacity];
    }

    @Override
    public ColumnType type() {
      return ColumnType.FLOAT64;
    }

    public void append(double value) {
      ensureCapacity(size + 1);
      values[size++] = value;
    }

    /**
     * Appends every value {@code from} has left in one bulk copy (a columnar file's buffer), value i null where bit
     * i of {@code missing} is set (null: none is).
     */
    public void append(DoubleBuffer from, BitSet missing) {
      int count = from.remaining();
      appendBulk(count, missing, first -> from.get(values, first, count));
    }

    /** As {@link #append(DoubleBuffer, BitSet)}, for float32 values, each widened to a double. */
    public void append(FloatBuffer from, BitSet missing) {
      appendBulk(from.remaining(), missing, first -> {
        for (int at = first; from.hasRemaining(); at++) {
          values[at] = from.get();
        }
      });
    }

    @Override
    protected void appendValueFrom(Column source, int row) {
      append(((Float64Column) source).value(row));
    }

    @Override
    public void appendObject(Object value) {
      if (value == null) {
        appendNull();
      } else if (value instanceof Number n) {
        append(n.doubleValue());
      } else {
        throw wrongType(value);
      }
    }

    @Override
    protected void clear(int from, int to) {
      Arrays.fill(values, from, to, 0);
    }

    @Override
    protected void ensureCapacity(int capacity) {
      if (capacity > values.length) {
        values = Arrays.copyOf(values, grow(values.length, capacity));
      }
    }

    @Override
    public Float64Column build() {
      double[] exact = values.length == size ? values : Arrays.copyOf(values, size);
      Float64Column column = new Float64Column(exact, size, nulls);
      values = null;
      return column;
    }
  }
}
