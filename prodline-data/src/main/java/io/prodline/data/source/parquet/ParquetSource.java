package io.prodline.data.source.parquet;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.jdbc.JdbcSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * Reads a Parquet file as {@link Frame} batches through DuckDB's built-in Parquet reader
 * ({@code SELECT * FROM read_parquet(...)}) in an in-memory DuckDB, streamed row group by row group through
 * JDBC. DuckDB reads Parquet without Hadoop and needs no extension download, so this works offline.
 *
 * <p><b>Types.</b> From the file's schema, as DuckDB reports it: integers (signed, unsigned, 128-bit) are
 * int64, a value beyond 64 bits being a bad record; FLOAT, DOUBLE and DECIMAL are float64; BOOLEAN is bool;
 * DATE, TIME and TIMESTAMP (with or without time zone, the latter in UTC) are ISO 8601 strings; strings, UUIDs,
 * lists, structs, maps and binary are strings (DuckDB's text for the value). Bad records are named
 * {@code file:row} with the 1-based row of the file.
 *
 * <p>The schema is the file's; declared types and the sample size do not apply.
 */
public final class ParquetSource implements DataSource {
  /** Without it DuckDB's JDBC driver materialises the whole result before handing out the first row. */
  private static final String STREAM_RESULTS = "jdbc_stream_results";

  private final JdbcSource rows;

  private ParquetSource(JdbcSource rows) {
    this.rows = rows;
  }

  /** Opens a file and reads its schema. */
  public static ParquetSource open(Path file, SourceOptions options) {
    return open(file, options, new BadRecords(options.badRecords()));
  }

  /** Opens a file that counts its skipped records into {@code badRecords}, which several files can share. */
  public static ParquetSource open(Path file, SourceOptions options, BadRecords badRecords) {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ProdlineException(source + ": no such file");
    }
    Properties properties = new Properties();
    properties.setProperty(STREAM_RESULTS, "true");
    Connection duckdb;
    try {
      duckdb = DriverManager.getConnection("jdbc:duckdb:", properties);
    } catch (SQLException e) {
      throw new ProdlineException(source + ": cannot start DuckDB to read Parquet: " + e.getMessage(), e);
    }
    String query = "SELECT * FROM read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
    return new ParquetSource(JdbcSource.over(source, duckdb, query, options, badRecords));
  }

  @Override
  public List<Field> schema() {
    return rows.schema();
  }

  @Override
  public BadRecords badRecords() {
    return rows.badRecords();
  }

  /** The batches of up to {@code batchRows} rows each; may be called once, and not after {@link #readAll()}. */
  @Override
  public Iterator<Frame> iterator() {
    return rows.iterator();
  }

  @Override
  public Frame readAll() {
    return rows.readAll();
  }

  @Override
  public void close() {
    rows.close();
  }
}
