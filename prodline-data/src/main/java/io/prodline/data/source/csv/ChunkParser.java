package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.ColumnType;
import io.prodline.data.source.FrameAssembler;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one {@link Chunk} into a frame, each cell straight from its bytes into its column's type. Safe to use
 * from several threads at once: every call works on its own state.
 *
 * <p>A record with the wrong number of fields, or a cell that does not fit, is a {@link DataFormatException}
 * naming the line, the column, the value and the fix; the record is then left out whole and the error kept in
 * the result, for the reading thread to apply the bad-record policy in file order.
 */
final class ChunkParser {
  private final String source;
  private final CsvOptions options;
  private final List<ResolvedColumn> columns;
  private final ColumnType[] types;
  private final MissingCells missing;

  ChunkParser(String source, CsvOptions options, List<ResolvedColumn> columns) {
    this.source = source;
    this.options = options;
    this.columns = List.copyOf(columns);
    this.types = columns.stream().map(c -> c.field().type()).toArray(ColumnType[]::new);
    this.missing = new MissingCells(options.nullTokens());
  }

  ParsedChunk parse(Chunk chunk) {
    FrameAssembler rows = new FrameAssembler(columns.stream().map(ResolvedColumn::field).toList());
    StringCache[] strings = new StringCache[types.length];
    for (int i = 0; i < types.length; i++) {
      strings[i] = types[i] == ColumnType.STRING ? new StringCache() : null;
    }
    List<DataFormatException> badRecords = new ArrayList<>(0);
    RecordTokenizer record = new RecordTokenizer(source, chunk);
    try {
      while (record.next()) {
        try {
          append(record, rows, strings);
        } catch (DataFormatException e) {
          badRecords.add(e);
        }
      }
    } catch (DataFormatException e) {
      return new ParsedChunk(rows.build(), badRecords, e);
    }
    return new ParsedChunk(rows.build(), badRecords, null);
  }

  private void append(RecordTokenizer record, FrameAssembler rows, StringCache[] strings) {
    if (record.fieldCount() != types.length) {
      throw new DataFormatException(source, record.line(), "expected " + types.length
          + " fields, as in the header, but found " + record.fieldCount()
          + "; quote fields that contain commas or line breaks");
    }
    rows.beginRow();
    for (int i = 0; i < types.length; i++) {
      if (!missing.isMissing(record, i)) {
        try {
          stage(record, i, rows, strings[i]);
        } catch (IllegalArgumentException e) {
          throw misfit(record, i);
        }
      }
    }
    rows.commitRow();
  }

  /** Parses one cell: plain ASCII numbers from the bytes, anything else through {@link Cells} on its text. */
  private void stage(RecordTokenizer record, int i, FrameAssembler rows, StringCache strings) {
    byte[] bytes = record.bytes();
    int from = record.start(i);
    int to = record.end(i);
    boolean plain = record.ascii() && !record.escaped(i);
    switch (types[i]) {
      case FLOAT64 -> {
        double value = plain ? FastDecimal.parseDouble(bytes, from, to) : Double.NaN;
        rows.setFloat64(i, Double.isNaN(value) ? Cells.parseFloat64(record.text(i)) : value);
      }
      case INT64 -> {
        long value = plain ? FastDecimal.parseLong(bytes, from, to) : FastDecimal.DECLINED_LONG;
        rows.setInt64(i, value == FastDecimal.DECLINED_LONG ? Cells.parseInt64(record.text(i)) : value);
      }
      case BOOL -> rows.setBool(i, parseBool(record, i, plain));
      case STRING -> rows.setString(i, plain ? strings.ascii(bytes, from, to) : record.text(i));
    }
  }

  private static boolean parseBool(RecordTokenizer record, int i, boolean plain) {
    if (plain && isWord(record.bytes(), record.start(i), record.end(i), "true")) {
      return true;
    }
    if (plain && isWord(record.bytes(), record.start(i), record.end(i), "false")) {
      return false;
    }
    return Cells.parseBool(record.text(i));
  }

  /** Whether ASCII bytes spell a lower-case ASCII word in any letter case. */
  private static boolean isWord(byte[] bytes, int from, int to, String word) {
    if (to - from != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if ((bytes[from + i] | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private DataFormatException misfit(RecordTokenizer record, int index) {
    ResolvedColumn column = columns.get(index);
    ColumnType type = column.field().type();
    String fix = column.inferred()
        ? "declare the column as string, or increase the inference sample (sampleRows, now "
            + options.sampleRows() + ") so that it sees such values"
        : "correct the value or declare the column as string";
    return new DataFormatException(source, record.lineOf(index), "column '" + column.field().name() + "' is "
        + type.fileName() + " but has the value \"" + record.text(index) + "\", which is " + expected(type)
        + "; " + fix);
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
