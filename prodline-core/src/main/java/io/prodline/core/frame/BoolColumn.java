package io.prodline.core.frame;

import java.util.BitSet;

/** A column of booleans, stored as a bit set. */
public final class BoolColumn extends Column {
  private final BitSet values;

  BoolColumn(BitSet values, int size, BitSet nulls) {
    super(size, nulls);
    this.values = values;
  }

  /** A column holding {@code values}, no nulls. */
  public static BoolColumn of(boolean... values) {
    BitSet bits = new BitSet(values.length);
    for (int i = 0; i < values.length; i++) {
      bits.set(i, values[i]);
    }
    return new BoolColumn(bits, values.length, null);
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOL;
  }

  public boolean value(int row) {
    return values.get(row);
  }

  @Override
  public Object get(int row) {
    return isNull(row) ? null : values.get(row);
  }

  @Override
  public double getDouble(int row) {
    return isNull(row) ? Double.NaN : (values.get(row) ? 1.0 : 0.0);
  }

  @Override
  public void writeFloats(float[] out, int offset, int stride) {
    for (int row = 0, at = offset; row < size(); row++, at += stride) {
      out[at] = isNull(row) ? Float.NaN : values.get(row) ? 1f : 0f;
    }
  }

  /** Appends booleans. */
  public static final class Builder extends ColumnBuilder {
    private BitSet values;

    public Builder() {
      this(64);
    }

    /** A builder with room for {@code capacity} rows before it grows. */
    public Builder(int capacity) {
      values = new BitSet(capacity);
    }

    @Override
    public ColumnType type() {
      return ColumnType.BOOL;
    }

    public void append(boolean value) {
      // Bits start false; clearing one would make BitSet rescan for its highest word on every false.
      if (value) {
        values.set(size);
      }
      size++;
    }

    /**
     * Appends {@code count} values at once, value i true where bit i of {@code trues} is set, null where bit i of
     * {@code missing} is (null: none is).
     */
    public void append(BitSet trues, int count, BitSet missing) {
      appendBulk(count, missing, first -> {
        for (int i = trues.nextSetBit(0); i >= 0 && i < count; i = trues.nextSetBit(i + 1)) {
          values.set(first + i);
        }
      });
    }

    @Override
    protected void appendValueFrom(Column source, int row) {
      append(((BoolColumn) source).value(row));
    }

    @Override
    public void appendObject(Object value) {
      if (value == null) {
        appendNull();
      } else if (value instanceof Boolean b) {
        append(b);
      } else {
        throw wrongType(value);
      }
    }

    @Override
    protected void clear(int from, int to) {
      values.clear(from, to);
    }

    @Override
    protected void ensureCapacity(int capacity) {
      // BitSet grows by itself.
    }

    @Override
    public BoolColumn build() {
      BoolColumn column = new BoolColumn(values, size, nulls);
      values = null;
      return column;
    }
  }
}
