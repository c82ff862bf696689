package io.prodline.data.source.parquet;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.BatchIterator;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.StringCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * Reads a DuckDB table expression whose columns are all of the plain types (booleans, integers up to 32 bits
 * unsigned and 64 bits signed, floats, decimals, text) column by column: DuckDB hands its results over as Arrow record batches through the Arrow C data
 * interface, and each vector is copied into a column builder in one loop, instead of a JDBC call per value. On a
 * 30-column Parquet file this reads several times as many rows per second as the row-by-row JDBC path. Values are
 * those {@link io.prodline.data.source.jdbc.JdbcSource} reads for the same types (decimals as float64, which DuckDB
 * casts), so which path read a file does not show in its frames. Only the columns asked for are queried
 * ({@link #iterator(List)}), which a columnar file then does not decode at all.
 *
 * <p>Arrow's memory needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the JVM (the launcher passes it);
 * {@link #available()} says whether this JVM has it, and {@link ParquetSource} reads through JDBC otherwise.
 */
final class ArrowColumnarSource implements DataSource {
  /** DuckDB's type names read this way, mapped as JDBC maps them; {@code DECIMAL(p,s)} also, cast to DOUBLE. */
  private static final Map<String, ColumnType> PLAIN = Map.ofEntries(Map.entry("BOOLEAN", ColumnType.BOOL),
      Map.entry("TINYINT", ColumnType.INT64), Map.entry("SMALLINT", ColumnType.INT64),
      Map.entry("INTEGER", ColumnType.INT64), Map.entry("BIGINT", ColumnType.INT64),
      Map.entry("UTINYINT", ColumnType.INT64), Map.entry("USMALLINT", ColumnType.INT64),
      Map.entry("UINTEGER", ColumnType.INT64), Map.entry("FLOAT", ColumnType.FLOAT64),
      Map.entry("DOUBLE", ColumnType.FLOAT64), Map.entry("VARCHAR", ColumnType.STRING));
  /** Rows per record batch DuckDB exports; frames of any size are cut from them. */
  private static final int ARROW_BATCH_ROWS = 8192;
  private static volatile Boolean available;

  private final String source;
  private final Connection duckdb;
  private final String table;
  private final List<Field> schema;
  private final List<String> types;
  private final int batchRows;
  private final BadRecords badRecords;
  private BufferAllocator allocator;
  private Statement statement;
  private ArrowReader reader;
  private VectorSchemaRoot root;
  /** The next row of {@link #root} to copy. */
  private int at;

  private ArrowColumnarSource(String source, Connection duckdb, String table, List<Field> schema, List<String> types,
      int batchRows, BadRecords badRecords) {
    this.source = source;
    this.duckdb = duckdb;
    this.table = table;
    this.schema = schema;
    this.types = types;
    this.batchRows = batchRows;
    this.badRecords = badRecords;
  }

  /**
   * Whether this JVM lets Arrow wrap native memory in a direct buffer, which importing DuckDB's export needs (and
   * which Java 17 allows only with java.nio opened); asked once.
   */
  static boolean available() {
    if (available == null) {
      try (BufferAllocator probe = new RootAllocator(); ArrowBuf buffer = probe.buffer(8)) {
        MemoryUtil.directBuffer(buffer.memoryAddress(), 8);
        available = true;
      } catch (Throwable e) { // UnsupportedOperationException or an ExceptionInInitializerError: java.nio is closed;
        available = false;    // ParquetSource says so in its warnings
      }
    }
    return available;
  }

  /**
   * A source over {@code table} (e.g. {@code read_parquet('f')}) when every column is of a plain type, else null;
   * it reads only in a JVM where {@link #available()}.
   *
   * @param columns each column's name and DuckDB type name, as {@code DESCRIBE} lists them
   */
  static ArrowColumnarSource over(String source, Connection duckdb, String table, List<String[]> columns,
      int batchRows, BadRecords badRecords) {
    List<Field> schema = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String[] column : columns) {
      String type = column[1];
      ColumnType mapped = type.startsWith("DECIMAL") ? ColumnType.FLOAT64 : PLAIN.get(type);
      if (mapped == null) {
        return null;
      }
      schema.add(new Field(column[0], mapped));
      types.add(type);
    }
    return new ArrowColumnarSource(source, duckdb, table, List.copyOf(schema), List.copyOf(types), batchRows,
        badRecords);
  }

  @Override
  public List<Field> schema() {
    return schema;
  }

  @Override
  public BadRecords badRecords() {
    return badRecords; // every value of a plain type fits its column: nothing is ever skipped
  }

  @Override
  public Iterator<Frame> iterator() {
    return iterator(schema.stream().map(Field::name).toList());
  }

  @Override
  public Iterator<Frame> iterator(List<String> columns) {
    List<String> names = schema.stream().map(Field::name).toList();
    List<Field> read = new ArrayList<>();
    List<String> selected = new ArrayList<>();
    for (String column : columns) {
      int c = names.indexOf(column);
      if (c < 0) {
        throw new IllegalArgumentException("no column '" + column + "'; the columns are " + names);
      }
      read.add(schema.get(c));
      String quoted = DuckDbSql.identifier(column);
      selected.add(types.get(c).startsWith("DECIMAL") ? "CAST(" + quoted + " AS DOUBLE) AS " + quoted : quoted);
    }
    if (reader != null) {
      throw new IllegalStateException(source + " is read once");
    }
    String query = "SELECT " + (selected.isEmpty() ? "1" : String.join(", ", selected)) + " FROM " + table;
    try {
      allocator = new RootAllocator();
      statement = duckdb.createStatement();
      ResultSet rows = statement.executeQuery(query);
      reader = (ArrowReader) rows.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, ARROW_BATCH_ROWS);
    } catch (SQLException e) {
      throw new ProdlineException(source + ": the query failed: " + e.getMessage(), e);
    }
    List<Field> frameFields = List.copyOf(read);
    return new BatchIterator(() -> nextFrame(frameFields));
  }

  /** The next {@code batchRows} rows (fewer at the end) as a frame of {@code fields}, or null when none are left. */
  private Frame nextFrame(List<Field> fields) {
    ColumnBuilder[] builders = new ColumnBuilder[fields.size()];
    for (int c = 0; c < builders.length; c++) {
      builders[c] = Column.builder(fields.get(c).type(), batchRows);
    }
    int filled = 0;
    try {
      while (filled < batchRows) {
        if (root == null || at == root.getRowCount()) {
          if (!reader.loadNextBatch()) {
            break;
          }
          root = reader.getVectorSchemaRoot();
          at = 0;
          continue;
        }
        int take = Math.min(batchRows - filled, root.getRowCount() - at);
        for (int c = 0; c < builders.length; c++) {
          append(root.getVector(c), at, at + take, builders[c]);
        }
        at += take;
        filled += take;
      }
    } catch (IOException e) {
      throw new ProdlineException(source + ": reading failed: " + e.getMessage(), e);
    }
    if (filled == 0) {
      return null;
    }
    List<Column> built = new ArrayList<>(builders.length);
    for (ColumnBuilder builder : builders) {
      built.add(builder.build());
    }
    return Frame.of(fields.stream().map(Field::name).collect(Collectors.toList()), built);
  }

  /** Rows {@code [from, to)} of a vector of one of the plain types onto the builder of its column type. */
  private static void append(FieldVector vector, int from, int to, ColumnBuilder builder) {
    if (vector instanceof Float8Vector v) {
      appendDoubles(v::isNull, v::get, from, to, (Float64Column.Builder) builder);
    } else if (vector instanceof Float4Vector v) {
      appendDoubles(v::isNull, v::get, from, to, (Float64Column.Builder) builder);
    } else if (vector instanceof BigIntVector v) {
      appendIntegers(v::isNull, v::get, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof IntVector v) {
      appendIntegers(v::isNull, v::get, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof SmallIntVector v) {
      appendIntegers(v::isNull, v::get, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof TinyIntVector v) {
      appendIntegers(v::isNull, v::get, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof UInt1Vector v) {
      appendIntegers(v::isNull, v::getValueAsLong, from, to, (Int64Column.Builder) builder); // unsigned
    } else if (vector instanceof UInt2Vector v) {
      appendIntegers(v::isNull, v::getValueAsLong, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof UInt4Vector v) {
      appendIntegers(v::isNull, v::getValueAsLong, from, to, (Int64Column.Builder) builder);
    } else if (vector instanceof BitVector v) {
      BoolColumn.Builder column = (BoolColumn.Builder) builder;
      for (int i = from; i < to; i++) {
        if (v.isNull(i)) {
          column.appendNull();
        } else {
          column.append(v.get(i) != 0);
        }
      }
    } else if (vector instanceof VarCharVector v) {
      appendTexts(v, from, to, (StringColumn.Builder) builder);
    } else {
      throw new IllegalStateException("DuckDB exported column '" + vector.getName() + "' as "
          + vector.getClass().getSimpleName() + ", which no plain type gives");
    }
  }

  /**
   * Text values by dictionary code ({@link StringCodes}): each value's bytes are copied out of the vector into one
   * scratch array, and a category met before costs no string; on the benchmark's 30 columns the six of text took half
   * the read's CPU when each value became a new string.
   */
  private static void appendTexts(VarCharVector v, int from, int to, StringColumn.Builder column) {
    StringCodes codes = new StringCodes(column, StandardCharsets.UTF_8);
    ArrowBuf offsets = v.getOffsetBuffer();
    ArrowBuf data = v.getDataBuffer();
    byte[] scratch = new byte[64];
    for (int i = from; i < to; i++) {
      if (v.isNull(i)) {
        column.appendNull();
        continue;
      }
      int start = offsets.getInt((long) i * VarCharVector.OFFSET_WIDTH);
      int length = offsets.getInt((long) (i + 1) * VarCharVector.OFFSET_WIDTH) - start;
      if (length > scratch.length) {
        scratch = new byte[Math.max(length, 2 * scratch.length)];
      }
      data.getBytes(start, scratch, 0, length);
      codes.append(scratch, 0, length);
    }
  }

  private static void appendIntegers(IntPredicate isNull, IntToLongFunction values, int from, int to,
      Int64Column.Builder column) {
    for (int i = from; i < to; i++) {
      if (isNull.test(i)) {
        column.appendNull();
      } else {
        column.append(values.applyAsLong(i));
      }
    }
  }

  private static void appendDoubles(IntPredicate isNull, IntToDoubleFunction values, int from, int to,
      Float64Column.Builder column) {
    for (int i = from; i < to; i++) {
      if (isNull.test(i)) {
        column.appendNull();
      } else {
        column.append(values.applyAsDouble(i));
      }
    }
  }

  @Override
  public void close() {
    try (Connection closing = duckdb) {
      if (reader != null) {
        reader.close();
      }
      if (statement != null) {
        statement.close();
      }
      if (allocator != null) {
        allocator.close();
      }
    } catch (IOException | SQLException e) {
      throw new ProdlineException(source + ": cannot close: " + e.getMessage(), e);
    }
  }
}
