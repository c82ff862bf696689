package io.prodline.data.source;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rows from anywhere (a CSV, JSON lines or Parquet file, a set of such files, a SQL query) as a stream of
 * {@link Frame} batches, so statistics, validation and training read every format through one loop and hold
 * only a few batches at a time, whatever the size of the data.
 *
 * <p>A source reads its data once: iterate it once, or call {@link #readAll()}; close it after. The schema is
 * known as soon as the source is open. Like {@link java.nio.file.DirectoryStream}, it is an {@link Iterable}
 * only to allow the for-each loop.
 * <pre>{@code
 * try (DataSource source = DataSources.open("data/span-*.csv", SourceOptions.defaults())) {
 *   for (Frame batch : source) { ... }
 *   source.badRecords().skipped();
 * }
 * }</pre>
 */
public interface DataSource extends Iterable<Frame>, AutoCloseable {
  /** The columns, with their declared or inferred types, in the order every batch has them. */
  List<Field> schema();

  /**
   * What a person should hear about that did not fail the read, known once the source is open: e.g. a CSV column
   * read as string because a few of its sampled values are not numbers. None by default.
   */
  default List<String> warnings() {
    return List.of();
  }

  /**
   * How many rows the source holds, when it knows without reading them (a Parquet or an Arrow IPC file's metadata
   * says); empty otherwise. For progress and estimates: the rows read are what the batches give.
   */
  default OptionalLong knownRows() {
    return OptionalLong.empty();
  }

  /** The bad records skipped so far under a {@link BadRecordPolicy#skipAndCount} policy; complete after the read. */
  BadRecords badRecords();

  /**
   * The batches narrowed to {@code columns} (each a column of {@link #schema()}), in that order; called once,
   * instead of {@link #iterator()}. A source may skip the other columns without parsing them, as CSV does, so a
   * reader of a few columns of a wide file pays only for those, and a value in another column that would not
   * fit its type is no error. By default the batches are read whole and narrowed.
   */
  default Iterator<Frame> iterator(List<String> columns) {
    positions(schema(), columns);
    Iterator<Frame> batches = iterator();
    return new BatchIterator(() -> batches.hasNext() ? batches.next().select(columns) : null);
  }

  /**
   * Where each of {@code columns} stands in {@code schema}, for sources that read some columns by position.
   *
   * @throws IllegalArgumentException naming a column {@code schema} does not have, and the columns it has
   */
  static int[] positions(List<Field> schema, List<String> columns) {
    List<String> names = schema.stream().map(Field::name).toList();
    int[] positions = new int[columns.size()];
    for (int k = 0; k < positions.length; k++) {
      positions[k] = names.indexOf(columns.get(k));
      if (positions[k] < 0) {
        throw new IllegalArgumentException("no column '" + columns.get(k) + "'; the columns are " + names);
      }
    }
    return positions;
  }

  /** All rows in one frame; for data that fits in memory. Reads the source, so it cannot be iterated after. */
  default Frame readAll() {
    List<Frame> batches = new ArrayList<>();
    forEach(batches::add);
    if (batches.size() == 1) {
      return batches.get(0);
    }
    List<String> names = schema().stream().map(Field::name).toList();
    int rows = batches.stream().mapToInt(Frame::rowCount).sum();
    List<Column> columns = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      ColumnBuilder builder = Column.builder(schema().get(c).type(), rows);
      for (Frame batch : batches) {
        Column column = batch.column(c);
        for (int row = 0; row < column.size(); row++) {
          builder.appendFrom(column, row);
        }
      }
      columns.add(builder.build());
    }
    return Frame.of(names, columns);
  }

  /** Releases the file, connection or cursor; a source that fails to close throws an unchecked exception. */
  @Override
  void close();
}
