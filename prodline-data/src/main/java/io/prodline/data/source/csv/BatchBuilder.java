package io.prodline.data.source.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.FrameAssembler;
import java.util.List;

/**
 * Turns records into one {@link Frame}, parsing each cell into its column's type. A record with the wrong number
 * of fields, or a cell that does not fit, is a {@link DataFormatException} naming the line, the column, the value
 * and the fix; the record is then left out of the batch whole, so the caller may skip it.
 */
final class BatchBuilder {
  private final String source;
  private final CsvOptions options;
  private final List<ResolvedColumn> columns;
  private final FrameAssembler assembler;

  BatchBuilder(String source, CsvOptions options, List<ResolvedColumn> columns) {
    this.source = source;
    this.options = options;
    this.columns = columns;
    this.assembler = new FrameAssembler(columns.stream().map(ResolvedColumn::field).toList());
  }

  int rows() {
    return assembler.rows();
  }

  void append(CsvRecord record) {
    if (record.getFieldCount() != columns.size()) {
      throw new DataFormatException(source, record.getStartingLineNumber(), "expected " + columns.size()
          + " fields, as in the header, but found " + record.getFieldCount()
          + "; quote fields that contain commas or line breaks");
    }
    assembler.beginRow();
    for (int i = 0; i < columns.size(); i++) {
      String cell = record.getField(i);
      if (!options.isMissing(cell)) {
        try {
          stage(i, cell);
        } catch (IllegalArgumentException e) {
          throw misfit(record, i);
        }
      }
    }
    assembler.commitRow();
  }

  private void stage(int column, String cell) {
    switch (columns.get(column).field().type()) {
      case FLOAT64 -> assembler.setFloat64(column, Cells.parseFloat64(cell));
      case INT64 -> assembler.setInt64(column, Cells.parseInt64(cell));
      case BOOL -> assembler.setBool(column, Cells.parseBool(cell));
      case STRING -> assembler.setString(column, cell);
    }
  }

  /** The rows appended since the last call, as a frame; the builder then starts an empty batch. */
  Frame build() {
    return assembler.build();
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
