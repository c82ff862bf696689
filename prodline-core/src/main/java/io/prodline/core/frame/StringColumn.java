package io.prodline.core.frame;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of strings stored as dictionary codes: each distinct value is kept once, rows hold its index.
 * Null rows have code -1.
 */
public final class StringColumn extends Column {
  private final int[] codes;
  private final String[] dictionary;

  StringColumn(int[] codes, String[] dictionary, int size, BitSet nulls) {
    super(size, nulls);
    this.codes = codes;
    this.dictionary = dictionary;
  }

  /** A column of the given values; a null element is a null row. */
  public static StringColumn of(String... values) {
    Builder b = new Builder();
    for (String v : values) {
      b.appendObject(v);
    }
    return b.build();
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  /** Dictionary code of a row, -1 when the row is null. */
  public int code(int row) {
    return codes[row];
  }

  /** The distinct values, indexed by code, in order of first appearance. */
  public List<String> dictionary() {
    return List.of(dictionary);
  }

  public int dictionarySize() {
    return dictionary.length;
  }

  public String dictionaryValue(int code) {
    return dictionary[code];
  }

  public String value(int row) {
    int code = codes[row];
    return code < 0 ? null : dictionary[code];
  }

  @Override
  public Object get(int row) {
    return value(row);
  }

  @Override
  public double getDouble(int row) {
    throw new UnsupportedOperationException("a string column has no numeric value");
  }

  /** Appends strings, building the dictionary as it goes. */
  public static final class Builder extends ColumnBuilder {
    private int[] codes = new int[16];
    private final Map<String, Integer> index = new HashMap<>();
    private String[] dictionary = new String[16];

    @Override
    public ColumnType type() {
      return ColumnType.STRING;
    }

    public void append(String value) {
      if (value == null) {
        appendNull();
        return;
      }
      ensureCapacity(size + 1);
      Integer code = index.get(value);
      if (code == null) {
        code = index.size();
        if (code == dictionary.length) {
          dictionary = Arrays.copyOf(dictionary, dictionary.length * 2);
        }
        dictionary[code] = value;
        index.put(value, code);
      }
      codes[size++] = code;
    }

    @Override
    public void appendObject(Object value) {
      if (value == null || value instanceof String) {
        append((String) value);
      } else {
        throw wrongType(value);
      }
    }

    @Override
    protected void ensureCapacity(int capacity) {
      if (capacity > codes.length) {
        int old = codes.length;
        codes = Arrays.copyOf(codes, grow(old, capacity));
      }
    }

    @Override
    public StringColumn build() {
      // Null rows were appended through appendNull(), which leaves code 0 in place; mark them -1.
      if (nulls != null) {
        for (int row = nulls.nextSetBit(0); row >= 0; row = nulls.nextSetBit(row + 1)) {
          codes[row] = -1;
        }
      }
      StringColumn column = new StringColumn(
          Arrays.copyOf(codes, size), Arrays.copyOf(dictionary, index.size()), size, nulls);
      codes = null;
      dictionary = null;
      return column;
    }
  }
}
