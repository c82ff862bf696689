package io.prodline.core.frame;

import java.util.ArrayList;
import java.util.List;

/**
 * The columnar batch that all of prodline passes around: named, typed, immutable columns of equal length.
 *
 * <p>Rows from a CSV file, a JSON request or a prediction log all become a Frame, so statistics, transforms,
 * training, serving and monitoring share one data type.
 */
public final class Frame {
  private final List<String> names;
  private final List<Column> columns;
  private final NameIndex index;
  private final int rowCount;

  private Frame(List<String> names, List<Column> columns, int rowCount) {
    this.names = List.copyOf(names);
    this.columns = List.copyOf(columns);
    this.rowCount = rowCount;
    this.index = new NameIndex(this.names);
  }

  /** A frame of the given columns; all must have the same number of rows and distinct names. */
  public static Frame of(List<String> names, List<Column> columns) {
    if (names.size() != columns.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
    }
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).size() != rows) {
        throw new IllegalArgumentException("column '" + names.get(i) + "' has " + columns.get(i).size()
            + " rows, expected " + rows);
      }
    }
    return new Frame(names, columns, rows);
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  public List<String> names() {
    return names;
  }

  public String name(int index) {
    return names.get(index);
  }

  public Column column(int index) {
    return columns.get(index);
  }

  /** The column of that name; throws {@link IllegalArgumentException} naming the known columns if absent. */
  public Column column(String name) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + name + "'; columns are " + names);
    }
    return columns.get(i);
  }

  /** Index of a column, or -1. */
  public int indexOf(String name) {
    return index.indexOf(name);
  }

  public boolean has(String name) {
    return index.indexOf(name) >= 0;
  }

  public ColumnType type(int index) {
    return columns.get(index).type();
  }

  /** A frame with the same rows and only the named columns, in that order. */
  public Frame select(List<String> selected) {
    List<Column> cols = new ArrayList<>(selected.size());
    for (String name : selected) {
      cols.add(column(name));
    }
    return new Frame(selected, cols, rowCount);
  }

  /** A frame with the same rows, without the named column. */
  public Frame drop(String name) {
    List<String> kept = new ArrayList<>(names);
    kept.remove(name);
    return select(kept);
  }

  /** A new frame holding only the given rows, in the given order. */
  public Frame take(int[] rows) {
    List<Column> cols = new ArrayList<>(columns.size());
    for (Column c : columns) {
      ColumnBuilder b = Column.builder(c.type(), rows.length);
      for (int row : rows) {
        b.appendFrom(c, row);
      }
      cols.add(b.build());
    }
    return new Frame(names, cols, rows.length);
  }

  /** Rows of both frames, this one first; the frames must have the same column names and types. */
  public Frame concat(Frame other) {
    if (!names.equals(other.names)) {
      throw new IllegalArgumentException("cannot concatenate frames with columns " + names + " and " + other.names);
    }
    List<Column> cols = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column a = columns.get(i);
      Column b = other.columns.get(i);
      if (a.type() != b.type()) {
        throw new IllegalArgumentException("column '" + names.get(i) + "' is " + a.type().fileName()
            + " in one frame and " + b.type().fileName() + " in the other");
      }
      ColumnBuilder builder = Column.builder(a.type(), a.size() + b.size());
      for (int r = 0; r < a.size(); r++) {
        builder.appendFrom(a, r);
      }
      for (int r = 0; r < b.size(); r++) {
        builder.appendFrom(b, r);
      }
      cols.add(builder.build());
    }
    return new Frame(names, cols, rowCount + other.rowCount);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Frame[").append(rowCount).append(" rows");
    for (int i = 0; i < names.size(); i++) {
      sb.append(", ").append(names.get(i)).append(':').append(columns.get(i).type().fileName());
    }
    return sb.append(']').toString();
  }
}
