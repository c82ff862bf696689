package io.prodline.core.frame;

import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * Appends values to a column under construction. Not thread-safe; {@link #build()} hands the arrays to the
 * column and the builder must not be used afterwards.
 */
public abstract sealed class ColumnBuilder
    permits Float64Column.Builder, Int64Column.Builder, BoolColumn.Builder, StringColumn.Builder {
  protected int size;
  protected BitSet nulls;

  public abstract ColumnType type();

  public final int size() {
    return size;
  }

  public final void appendNull() {
    ensureCapacity(size + 1);
    if (nulls == null) {
      nulls = new BitSet();
    }
    nulls.set(size);
    size++;
  }

  /**
   * Appends {@code count} rows at once, for a reader copying a columnar file's buffers: {@code fill} writes their
   * values into the builder's array from the index it is given (room is made first), then the rows whose bit is set
   * in {@code missing} (null: none) become nulls holding the type's placeholder.
   */
  protected final void appendBulk(int count, BitSet missing, IntConsumer fill) {
    int first = size;
    ensureCapacity(first + count);
    fill.accept(first);
    size = first + count;
    if (missing == null || missing.isEmpty()) {
      return;
    }
    if (nulls == null) {
      nulls = new BitSet();
    }
    for (int i = missing.nextSetBit(0); i >= 0; i = missing.nextSetBit(i + 1)) {
      nulls.set(first + i);
      clear(first + i, first + i + 1);
    }
  }

  /**
   * Appends a value given as a Java object of a compatible type (numbers, booleans, strings) or null; used where
   * values arrive boxed, e.g. from JSON or a database. Throws {@link IllegalArgumentException} naming the
   * expected type when the value does not fit.
   */
  public abstract void appendObject(Object value);

  /**
   * Appends row {@code row} of {@code source}, a column of this builder's type (a {@link ClassCastException}
   * otherwise), null as null: copying rows between columns without boxing each value.
   */
  public final void appendFrom(Column source, int row) {
    if (source.isNull(row)) {
      appendNull();
    } else {
      appendValueFrom(source, row);
    }
  }

  /** Appends the value, not null, at row {@code row} of {@code source}, a column of this builder's type. */
  protected abstract void appendValueFrom(Column source, int row);

  protected abstract void ensureCapacity(int capacity);

  /**
   * Takes back the rows from {@code rows} on, so that a reader can drop a row found bad halfway through without
   * staging every row first. Nothing of the dropped rows remains: a row appended as null later still reads as
   * the type's placeholder, and a string seen only in dropped rows is not in the dictionary.
   */
  public final void truncate(int rows) {
    if (rows < 0 || rows > size) {
      throw new IllegalArgumentException("cannot truncate " + size + " rows to " + rows);
    }
    clear(rows, size);
    if (nulls != null) {
      nulls.clear(rows, size);
    }
    size = rows;
  }

  /** Resets the values of rows {@code [from, to)} to a fresh builder's. */
  protected abstract void clear(int from, int to);

  public abstract Column build();

  static int grow(int current, int needed) {
    return Math.max(needed, Math.max(16, current + (current >> 1)));
  }

  IllegalArgumentException wrongType(Object value) {
    return new IllegalArgumentException(
        "expected a " + type().fileName() + " value but got " + describe(value));
  }

  static String describe(Object value) {
    if (value instanceof String s) {
      return "the string \"" + s + "\"";
    }
    return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
  }
}
