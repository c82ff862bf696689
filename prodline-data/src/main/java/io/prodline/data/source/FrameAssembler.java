package io.prodline.data.source;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Builds batches row by row for the sources, staging each row until it is complete.
 *
 * <p>A row's values are set one column at a time and only {@link #commitRow()} appends them to the columns,
 * so a value found bad halfway through a row can be skipped together with its row without leaving the columns
 * of unequal length. Staging uses primitive slots, so a row costs no boxing.
 */
public final class FrameAssembler {
  private final List<Field> schema;
  private final List<String> names;
  /** The column types, read once: asking each builder per cell would be a megamorphic call. */
  private final ColumnType[] types;
  private final boolean[] missing;
  private final long[] bits;
  private final String[] strings;
  private ColumnBuilder[] builders;
  private int rows;

  public FrameAssembler(List<Field> schema) {
    this.schema = List.copyOf(schema);
    this.names = this.schema.stream().map(Field::name).toList();
    this.types = this.schema.stream().map(Field::type).toArray(ColumnType[]::new);
    this.missing = new boolean[schema.size()];
    this.bits = new long[schema.size()];
    this.strings = new String[schema.size()];
    this.builders = newBuilders();
    beginRow();
  }

  /** Starts a new row with every value missing, discarding whatever the previous uncommitted row held. */
  public void beginRow() {
    Arrays.fill(missing, true);
  }

  public void setNull(int column) {
    missing[column] = true;
  }

  public void setInt64(int column, long value) {
    missing[column] = false;
    bits[column] = value;
  }

  public void setFloat64(int column, double value) {
    missing[column] = false;
    bits[column] = Double.doubleToRawLongBits(value);
  }

  public void setBool(int column, boolean value) {
    missing[column] = false;
    bits[column] = value ? 1 : 0;
  }

  public void setString(int column, String value) {
    missing[column] = value == null;
    strings[column] = value;
  }

  /** Appends the staged row to the batch and starts the next row. */
  public void commitRow() {
    for (int c = 0; c < builders.length; c++) {
      ColumnBuilder builder = builders[c];
      if (missing[c]) {
        builder.appendNull();
        continue;
      }
      switch (types[c]) {
        case INT64 -> ((Int64Column.Builder) builder).append(bits[c]);
        case FLOAT64 -> ((Float64Column.Builder) builder).append(Double.longBitsToDouble(bits[c]));
        case BOOL -> ((BoolColumn.Builder) builder).append(bits[c] != 0);
        case STRING -> ((StringColumn.Builder) builder).append(strings[c]);
      }
    }
    rows++;
    beginRow();
  }

  /** Rows committed since the last {@link #build()}. */
  public int rows() {
    return rows;
  }

  /** The committed rows as a frame; the assembler then starts an empty batch. */
  public Frame build() {
    List<Column> built = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      built.add(builder.build());
    }
    builders = newBuilders();
    rows = 0;
    return Frame.of(names, built);
  }

  /** Reads a source's next row into a batch, committing it unless it is a bad record. */
  @FunctionalInterface
  public interface RowReader {
    /** Reads one row (or rejects it as a bad record); false, reading nothing, when no row is left. */
    boolean readRow(FrameAssembler batch);
  }

  /** A frame of the next rows, at most {@code limit}; null when no row is left. */
  public Frame fill(int limit, RowReader reader) {
    while (rows < limit && reader.readRow(this)) {
      // each call reads one row
    }
    return rows == 0 ? null : build();
  }

  /** The batches of up to {@code batchRows} rows each that {@code reader} reads, read as they are asked for. */
  public Iterator<Frame> batches(int batchRows, RowReader reader) {
    return new BatchIterator(() -> fill(batchRows, reader));
  }

  /** Every row {@code reader} has left, in one frame (empty, with the schema's columns, when none is left). */
  public Frame readAll(RowReader reader) {
    Frame all = fill(Integer.MAX_VALUE, reader);
    return all != null ? all : build();
  }

  private ColumnBuilder[] newBuilders() {
    ColumnBuilder[] fresh = new ColumnBuilder[schema.size()];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = Column.builder(schema.get(i).type());
    }
    return fresh;
  }
}
