package io.prodline.data.source.parquet;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.BatchIterator;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.arrow.ArrowFrames;
import io.prodline.data.source.arrow.ArrowMemory;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * Reads a DuckDB table expression whose columns are all of the plain types (booleans, integers up to 32 bits
 * unsigned and 64 bits signed, floats, decimals, text) column by column: DuckDB hands its results over as Arrow
 * record batches through the Arrow C data interface, and each vector is copied into a column builder in one loop
 * ({@link ArrowFrames}), instead of a JDBC call per value. On a 30-column Parquet file this reads several times as
 * many rows per second as the row-by-row JDBC path. Values are
 * those {@link io.prodline.data.source.jdbc.JdbcSource} reads for the same types (decimals as float64, which DuckDB
 * casts), so which path read a file does not show in its frames. Only the columns asked for are queried
 * ({@link #iterator(List)}), which a columnar file then does not decode at all.
 *
 * <p>Arrow's memory needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the JVM (the launcher passes it);
 * {@link ArrowMemory#available()} says whether this JVM has it, and {@link ParquetSource} reads through JDBC otherwise.
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
   * A source over {@code table} (e.g. {@code read_parquet('f')}) when every column is of a plain type, else null;
   * it reads only in a JVM where {@link ArrowMemory#available()}.
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
    List<Field> read = new ArrayList<>();
    List<String> selected = new ArrayList<>();
    for (int c : DataSource.positions(schema, columns)) {
      read.add(schema.get(c));
      String quoted = DuckDbSql.identifier(schema.get(c).name());
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
      throw new ProdlineException(source + ": cannot read it as Parquet: " + DuckDbSql.problem(e), e);
    }
    ArrowFrames frames = new ArrowFrames(source, reader, read, IntStream.range(0, read.size()).toArray(), batchRows);
    return new BatchIterator(frames::next);
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
