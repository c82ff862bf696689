package io.prodline.data.source.parquet;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.Closing;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.arrow.ArrowMemory;
import io.prodline.data.source.jdbc.JdbcSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads a Parquet file as {@link Frame} batches through DuckDB's built-in Parquet reader in an in-memory DuckDB.
 * DuckDB reads Parquet without Hadoop and needs no extension download, so this works offline.
 *
 * <p><b>Two paths.</b> A file whose columns are all booleans, signed integers, floats, decimals or text (the common
 * case for model inputs) is read column by column from DuckDB's Arrow export ({@link ArrowColumnarSource}), and only
 * the columns asked for are decoded. Any other file, or a JVM started without
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}, which Arrow's memory needs, is streamed row by row through
 * JDBC ({@code SELECT * FROM read_parquet(...)}). Both give the same frames.
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

  private final DataSource rows;
  private final List<String> warnings;
  /** The file's rows, as its metadata says. */
  private final long rowCount;

  private ParquetSource(DataSource rows, List<String> warnings, long rowCount) {
    this.rows = rows;
    this.warnings = warnings;
    this.rowCount = rowCount;
  }

  /** Opens a file and reads its schema. */
  public static ParquetSource open(Path file, SourceOptions options) {
    return open(file, options, new BadRecords(options.badRecords()));
  }

  /** Opens a file that counts its skipped records into {@code badRecords}, which several files can share. */
  public static ParquetSource open(Path file, SourceOptions options, BadRecords badRecords) {
    return open(file, options, badRecords, true);
  }

  /** As {@link #open(Path, SourceOptions, BadRecords)}; {@code columnar} false always takes the JDBC path. */
  static ParquetSource open(Path file, SourceOptions options, BadRecords badRecords, boolean columnar) {
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
    String table = "read_parquet(" + DuckDbSql.literal(file.toAbsolutePath().toString()) + ")";
    long rowCount;
    try (Statement statement = duckdb.createStatement();
         ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) { // from the metadata alone
      count.next();
      rowCount = count.getLong(1);
    } catch (SQLException e) {
      throw Closing.afterFailure(duckdb, new ProdlineException(source + ": cannot read it as Parquet: "
          + DuckDbSql.problem(e), e));
    }
    List<String> warnings = List.of();
    if (columnar) {
      DataSource arrow;
      try {
        arrow = ArrowColumnarSource.over(source, duckdb, table, describe(duckdb, table), options.batchRows(),
            badRecords);
      } catch (SQLException | RuntimeException e) {
        throw Closing.afterFailure(duckdb, new ProdlineException(source + ": cannot read it as Parquet: "
            + (e instanceof SQLException sql ? DuckDbSql.problem(sql) : e.getMessage()), e));
      }
      if (arrow != null && ArrowMemory.available()) {
        return new ParquetSource(arrow, warnings, rowCount);
      }
      if (arrow != null) {
        warnings = List.of(source + ": read row by row, several times slower than column by column, because this "
            + "JVM does not open java.nio to Arrow; start java with --add-opens=java.base/java.nio=ALL-UNNAMED");
      }
    }
    return new ParquetSource(JdbcSource.over(source, duckdb, "SELECT * FROM " + table, options, badRecords),
        warnings, rowCount);
  }

  /**
   * The rows of {@code files} together, from their footers, in one query (opening each file for its count took
   * 29 ms a file); {@link ProdlineException} naming the files when one cannot be read.
   */
  public static long countRows(List<Path> files) {
    String list = files.stream().map(f -> DuckDbSql.literal(f.toAbsolutePath().toString()))
        .collect(Collectors.joining(", ", "[", "]"));
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duckdb.createStatement();
         ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet(" + list
             + ", union_by_name = true)")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new ProdlineException(files.get(0).getParent() + ": cannot count the rows of its " + files.size()
          + " Parquet files: " + DuckDbSql.problem(e), e);
    }
  }

  /** Each column's name and DuckDB type name, in order. */
  private static List<String[]> describe(Connection duckdb, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (Statement statement = duckdb.createStatement();
         ResultSet described = statement.executeQuery("DESCRIBE SELECT * FROM " + table)) {
      while (described.next()) {
        columns.add(new String[] {described.getString("column_name"), described.getString("column_type")});
      }
    }
    return columns;
  }

  /** The source this file is read through: columnar or row by row. */
  DataSource rows() {
    return rows;
  }

  @Override
  public List<Field> schema() {
    return rows.schema();
  }

  @Override
  public OptionalLong knownRows() {
    return OptionalLong.of(rowCount);
  }

  @Override
  public List<String> warnings() {
    return warnings;
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
  public Iterator<Frame> iterator(List<String> columns) {
    return rows.iterator(columns);
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
