package io.prodline.data.source.csv;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.text.EightBytes;
import io.prodline.core.text.FastDecimal;
import io.prodline.data.source.StringCodes;
import io.prodline.data.source.chunk.Chunk;
import io.prodline.data.source.chunk.ParsedChunk;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one {@link Chunk} into a frame of some of its columns, each cell straight from its bytes into its
 * column's builder; the fields of the other columns are split off but never parsed. Safe to use from several
 * threads at once: every call works on its own state.
 *
 * <p>A record with the wrong number of fields, or a read cell that does not fit, is a {@link DataFormatException}
 * naming the line, the column, the value and the fix; the cells of that record already appended are taken back
 * ({@link ColumnBuilder#truncate}) and the error kept in the result, for the reading thread to apply the
 * bad-record policy in file order.
 */
final class ChunkParser {
  private final String source;
  private final CsvOptions options;
  /** Every column of the file, in field order; a record must have one field per column. */
  private final List<ResolvedColumn> columns;
  /** The field of each column read, in the order the frame has them. */
  private final int[] fields;
  private final ColumnType[] types;
  private final List<String> names;
  private final MissingCells missing;

  /** A parser of every column of the file, in file order. */
  ChunkParser(String source, CsvOptions options, List<ResolvedColumn> columns) {
    this(source, options, columns, columns.stream().map(c -> c.field().name()).toList());
  }

  private ChunkParser(String source, CsvOptions options, List<ResolvedColumn> columns, List<String> read) {
    this.source = source;
    this.options = options;
    this.columns = List.copyOf(columns);
    List<String> all = columns.stream().map(c -> c.field().name()).toList();
    this.fields = read.stream().mapToInt(all::indexOf).toArray();
    this.types = new ColumnType[fields.length];
    for (int k = 0; k < fields.length; k++) {
      if (fields[k] < 0) {
        throw new IllegalArgumentException(source + ": no column '" + read.get(k) + "'; the columns are " + all);
      }
      types[k] = columns.get(fields[k]).field().type();
    }
    this.names = List.copyOf(read);
    this.missing = new MissingCells(options.nullTokens());
  }

  /** A parser of only the {@code read} columns of the file, in that order. */
  ChunkParser reading(List<String> read) {
    return new ChunkParser(source, options, columns, read);
  }

  ParsedChunk parse(Chunk chunk) {
    ColumnBuilder[] builders = new ColumnBuilder[types.length];
    StringCodes[] strings = new StringCodes[types.length];
    for (int k = 0; k < types.length; k++) {
      builders[k] = Column.builder(types[k], chunk.records());
    }
    forgetCodes(builders, strings);
    List<DataFormatException> badRecords = new ArrayList<>(0);
    RecordTokenizer record = new RecordTokenizer(source, chunk);
    int rows = 0;
    try {
      while (record.next()) {
        try {
          append(record, builders, strings);
          rows++;
        } catch (DataFormatException e) {
          badRecords.add(e);
          for (ColumnBuilder builder : builders) {
            builder.truncate(rows);
          }
          forgetCodes(builders, strings);
        }
      }
    } catch (DataFormatException e) {
      return new ParsedChunk(build(builders), badRecords, e);
    }
    return new ParsedChunk(build(builders), badRecords, null);
  }

  /** Starts the string columns' code tables afresh, as after a truncate, which may have taken codes back. */
  private static void forgetCodes(ColumnBuilder[] builders, StringCodes[] strings) {
    for (int k = 0; k < builders.length; k++) {
      strings[k] = builders[k] instanceof StringColumn.Builder column ? new StringCodes(column, StandardCharsets.ISO_8859_1) : null;
    }
  }

  private Frame build(ColumnBuilder[] builders) {
    List<Column> built = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      built.add(builder.build());
    }
    return Frame.of(names, built);
  }

  private void append(RecordTokenizer record, ColumnBuilder[] builders, StringCodes[] strings) {
    record.requireValidUtf8();
    if (record.fieldCount() != columns.size()) {
      throw new DataFormatException(source, record.line(), "expected " + columns.size()
          + " fields, as in the header, but found " + record.fieldCount()
          + "; quote fields that contain commas or line breaks");
    }
    // Every parse is written out in this one loop, the builder's own class picking it (a test of a final class
    // instead of a switch on the type and a cast), and the record's bytes and ASCII flag are read once per
    // record: on a 30-column file of numbers, categories and booleans this took about 8% less CPU per row than a
    // method per cell did.
    byte[] bytes = record.bytes();
    boolean ascii = record.ascii();
    for (int k = 0; k < fields.length; k++) {
      int field = fields[k];
      ColumnBuilder builder = builders[k];
      if (missing.isMissing(record, field)) {
        builder.appendNull();
        continue;
      }
      int from = record.start(field);
      int to = record.end(field);
      // Plain: the bytes are the text, so numbers are parsed from them; anything else goes through Cells.
      boolean plain = ascii && !record.escaped(field);
      try {
        if (builder instanceof Float64Column.Builder column) {
          double value = plain ? FastDecimal.parseDouble(bytes, from, to) : Double.NaN;
          column.append(Double.isNaN(value) ? Cells.parseFloat64(record.text(field)) : value);
        } else if (builder instanceof Int64Column.Builder column) {
          long value = plain ? FastDecimal.parseLong(bytes, from, to) : FastDecimal.DECLINED_LONG;
          column.append(value == FastDecimal.DECLINED_LONG ? Cells.parseInt64(record.text(field)) : value);
        } else if (builder instanceof BoolColumn.Builder column) {
          column.append(parseBool(record, field));
        } else if (plain) {
          strings[k].append(bytes, from, to);
        } else {
          ((StringColumn.Builder) builder).append(record.text(field));
        }
      } catch (IllegalArgumentException e) {
        throw misfit(record, field);
      }
    }
  }

  private static final long TRUE = EightBytes.head(new byte[] {'t', 'r', 'u', 'e'}, 0, 4);
  private static final long FALSE = EightBytes.head(new byte[] {'f', 'a', 'l', 's', 'e'}, 0, 5);

  /**
   * true or false in any letter case, compared as one word: setting bit 0x20 of each byte lower-cases exactly the
   * letters of both words and maps no other byte onto them. Anything else goes through {@link Cells#parseBool}.
   */
  private static boolean parseBool(RecordTokenizer record, int i) {
    int from = record.start(i);
    int length = record.end(i) - from;
    if (length == 4 || length == 5) {
      long lowerCased = 0x2020202020202020L & EightBytes.lowBytes(length);
      long word = EightBytes.head(record.bytes(), from, from + length) | lowerCased;
      if (word == TRUE) {
        return true;
      }
      if (word == FALSE) {
        return false;
      }
    }
    return Cells.parseBool(record.text(i));
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
