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
    private int[] codes;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] dictionary = new String[16];
    /** The row where each dictionary value first appeared, so that {@link #truncate} can take it back. */
    private int[] firstRows = new int[16];
    /**
     * The column {@link #appendValueFrom} last copied from, the rows copied from it so far, and, once they are many,
     * its codes' codes here (-1: not yet met).
     */
    private StringColumn remapped;
    private int rowsFromRemapped;
    private int[] remap;

    public Builder() {
      this(16);
    }

    /** A builder with room for {@code capacity} rows before it grows. */
    public Builder(int capacity) {
      codes = new int[capacity];
    }

    @Override
    public ColumnType type() {
      return ColumnType.STRING;
    }

    /**
     * Appends a value (null for a missing one) and returns its code, -1 for null: a reader that recognises the
     * value again can append it by {@link #appendCode} without a dictionary lookup.
     */
    public int append(String value) {
      if (value == null) {
        appendNull();
        return -1;
      }
      ensureCapacity(size + 1);
      Integer code = index.get(value);
      if (code == null) {
        code = index.size();
        if (code == dictionary.length) {
          dictionary = Arrays.copyOf(dictionary, dictionary.length * 2);
          firstRows = Arrays.copyOf(firstRows, firstRows.length * 2);
        }
        dictionary[code] = value;
        firstRows[code] = size;
        index.put(value, code);
      }
      codes[size++] = code;
      return code;
    }

    /** Appends the value that {@link #append(String)} returned {@code code} for, unless a truncate took it back. */
    public void appendCode(int code) {
      if (code < 0 || code >= index.size()) {
        throw new IllegalArgumentException("no value has code " + code + "; the dictionary has " + index.size());
      }
      ensureCapacity(size + 1);
      codes[size++] = code;
    }

    @Override
    protected void appendValueFrom(Column source, int row) {
      StringColumn strings = (StringColumn) source;
      int code = strings.code(row);
      if (strings != remapped) {
        remapped = strings;
        rowsFromRemapped = 0;
        remap = null;
      }
      // A long run of rows from one column maps its codes to this dictionary's once each, instead of a lookup per
      // row. A short one (a slice taken out of a batch) looks each value up: a table the size of the source's
      // dictionary would cost more than the lookups it saves.
      if (remap == null) {
        if (++rowsFromRemapped <= strings.dictionarySize() / 8) {
          append(strings.dictionaryValue(code));
          return;
        }
        remap = new int[strings.dictionarySize()];
        Arrays.fill(remap, -1);
      }
      if (remap[code] < 0) {
        remap[code] = append(strings.dictionaryValue(code));
      } else {
        appendCode(remap[code]);
      }
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
    protected void clear(int from, int to) {
      remapped = null; // codes may be taken back below
      Arrays.fill(codes, from, to, 0);
      // Codes are handed out in order of first appearance, so the values first seen in the dropped rows are last.
      for (int code = index.size() - 1; code >= 0 && firstRows[code] >= from; code--) {
        index.remove(dictionary[code]);
        dictionary[code] = null;
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
      StringColumn column = new StringColumn(codes.length == size ? codes : Arrays.copyOf(codes, size),
          Arrays.copyOf(dictionary, index.size()), size, nulls);
      codes = null;
      dictionary = null;
      return column;
    }
  }
}
