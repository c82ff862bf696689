package io.prodline.core.frame;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.BitSet;

/** A column of 64-bit signed integers. */
public final class Int64Column extends Column {
  private final long[] values;

  Int64Column(long[] values, int size, BitSet nulls) {
    super(size, nulls);
    this.values = values;
  }

  /** A column holding a copy of {@code values}, no nulls. */
  public static Int64Column of(long... values) {
    return new Int64Column(values.clone(), values.length, null);
  }

  @Override
  public ColumnType type() {
    return ColumnType.INT64;
  }

  public long value(int row) {
    return values[row];
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : (double) values[row];
  }

  /** Puts every row's value into {@code to}, a null row's placeholder too: one bulk copy into a columnar buffer. */
  public void copyTo(LongBuffer to) {
    to.put(values, 0, size());
  }

  @Override
  public void writeFloats(float[] out, int offset, int stride) {
    for (int row = 0, at = offset; row < size(); row++, at += stride) {
      out[at] = isNull(row) ? Float.NaN : (float) (double) values[row];
    }
  }

  /** Appends int64 values. */
  public static final class Builder extends ColumnBuilder {
    private long[] values;

    public Builder() {
      this(16);
    }

    /** A builder with room for {@code capacity} rows before it grows. */
    public Builder(int capacity) {
      values = new long[capacity];
    }

    @Override
    public ColumnType type() {
      return ColumnType.INT64;
    }

    public void append(long value) {
      ensureCapacity(size + 1);
      values[size++] = value;
    }

    /**
     * Appends every value {@code from} has left in one bulk copy (a columnar file's buffer), value i null where bit
     * i of {@code missing} is set (null: none is).
     */
    public void append(LongBuffer from, BitSet missing) {
      int count = from.remaining();
      appendBulk(count, missing, first -> from.get(values, first, count));
    }

    /** As {@link #append(LongBuffer, BitSet)}, for signed 32-bit values, each widened to a long. */
    public void append(IntBuffer from, BitSet missing) {
      appendBulk(from.remaining(), missing, first -> {
        for (int at = first; from.hasRemaining(); at++) {
          values[at] = from.get();
        }
      });
    }

    @Override
    protected void appendValueFrom(Column source, int row) {
      append(((Int64Column) source).value(row));
    }

    /** Accepts integral numbers, and floating-point numbers that hold an exact integer (e.g. 3.0 from JSON). */
    @Override
    public void appendObject(Object value) {
      if (value == null) {
        appendNull();
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        append(((Number) value).longValue());
      } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          && Math.abs(n.doubleValue()) < 0x1p63) {
        append((long) n.doubleValue());
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
    public Int64Column build() {
      long[] exact = values.length == size ? values : Arrays.copyOf(values, size);
      Int64Column column = new Int64Column(exact, size, nulls);
      values = null;
      return column;
    }
  }
}
