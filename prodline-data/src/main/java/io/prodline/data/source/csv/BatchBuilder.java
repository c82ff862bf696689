package io.prodline.data.source.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns records into one {@link Frame}, parsing each cell into its column's type. A cell that does not fit is
 * a {@link DataFormatException} naming the line the cell is on, the column, the value and the fix.
 */
final class BatchBuilder {
  private final String source;
  private final CsvOptions options;
  private final List<ResolvedColumn> columns;
  private final List<String> names = new ArrayList<>();
  private ColumnBuilder[] builders;
  private int rows;

  BatchBuilder(String source, CsvOptions options, List<ResolvedColumn> columns) {
    this.source = source;
    this.options = options;
    this.columns = columns;
    columns.forEach(c -> names.add(c.field().name()));
    this.builders = newBuilders();
  }

  int rows() {
    return rows;
  }

  void append(CsvRecord record) {
    for (int i = 0; i < builders.length; i++) {
      String cell = record.getField(i);
      if (options.isMissing(cell)) {
        builders[i].appendNull();
      } else {
        try {
          appendValue(builders[i], cell);
        } catch (IllegalArgumentException e) {
          throw misfit(record, i);
        }
      }
    }
    rows++;
  }

  private static void appendValue(ColumnBuilder builder, String cell) {
    switch (builder.type()) {
      case FLOAT64 -> ((Float64Column.Builder) builder).append(Cells.parseFloat64(cell));
      case INT64 -> ((Int64Column.Builder) builder).append(Cells.parseInt64(cell));
      case BOOL -> ((BoolColumn.Builder) builder).append(Cells.parseBool(cell));
      case STRING -> ((StringColumn.Builder) builder).append(cell);
    }
  }

  /** The rows appended since the last call, as a frame; the builder then starts an empty batch. */
  Frame build() {
    List<Column> built = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      built.add(builder.build());
    }
    builders = newBuilders();
    rows = 0;
    return Frame.of(names, built);
  }

  private ColumnBuilder[] newBuilders() {
    ColumnBuilder[] fresh = new ColumnBuilder[columns.size()];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = Column.builder(columns.get(i).field().type());
    }
    return fresh;
  }

  private DataFormatException misfit(CsvRecord record, int index) {
    long line = record.getStartingLineNumber();
    for (int i = 0; i < index; i++) {
      line += TextPosition.lineBreaks(record.getField(i));
    }
    ResolvedColumn column = columns.get(index);
    ColumnType type = column.field().type();
    String fix = column.inferred()
        ? "declare the column as string, or increase the inference sample (sampleRows, now "
            + options.sampleRows() + ") so that it sees such values"
        : "correct the value or declare the column as string";
    return new DataFormatException(source, line, "column '" + column.field().name() + "' is " + type.fileName()
        + " but has the value \"" + record.getField(index) + "\", which is " + expected(type) + "; " + fix);
  }

  private static String expected(ColumnType type) {
    return switch (type) {
      case INT64 -> "not a 64-bit integer";
      case FLOAT64 -> "not a number";
      case BOOL -> "neither true nor false";
      case STRING -> throw new IllegalStateException("every text is a string");
    };
  }
}
