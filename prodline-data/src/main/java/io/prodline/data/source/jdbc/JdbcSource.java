package io.prodline.data.source.jdbc;

import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import io.prodline.data.source.BadRecords;
import io.prodline.data.source.Closing;
import io.prodline.data.source.FrameAssembler;
import io.prodline.data.source.RowSource;
import io.prodline.data.source.SourceOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the rows of a SQL query through JDBC as {@link Frame} batches; the column types come from the result's
 * metadata, mapped as {@link JdbcTypes} says, so nothing is inferred.
 *
 * <p><b>Streaming.</b> The statement is forward-only with a fetch size of {@code batchRows}, and autocommit is
 * turned off, because PostgreSQL only streams through a cursor inside a transaction: with autocommit on it
 * loads the whole result into memory first. Other drivers may need their own URL setting (MySQL:
 * {@code useCursorFetch=true}). The transaction only reads and is rolled back on close.
 *
 * <p><b>Errors.</b> A connection or query that fails is a {@link ProdlineException} naming the URL, without the
 * parameters after {@code ?} or {@code ;}, which may hold a password. A value that cannot be represented (an
 * unsigned integer beyond 64 bits) is a bad record at {@code url:row}, the 1-based row of the result.
 *
 * <p>The driver must be on the class path; the PostgreSQL driver ships with prodline.
 */
public final class JdbcSource extends RowSource {
  private final String source;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private final ValueReader[] readers;
  private long rowNumber;
  private boolean exhausted;

  private JdbcSource(String source, Connection connection, String query, SourceOptions options,
      BadRecords badRecords) throws SQLException {
    super(badRecords, options.batchRows(), "result");
    this.source = source;
    this.connection = connection;
    connection.setAutoCommit(false);
    this.statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    statement.setFetchSize(options.batchRows());
    this.rows = statement.executeQuery(query);
    ResultSetMetaData meta = rows.getMetaData();
    List<Field> fields = new ArrayList<>(meta.getColumnCount());
    this.readers = new ValueReader[meta.getColumnCount()];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      String name = meta.getColumnLabel(i);
      Integer earlier = seen.putIfAbsent(name, i);
      if (earlier != null) {
        throw new ProdlineException(source + ": result columns " + earlier + " and " + i + " are both named '"
            + name + "'; give them distinct names with AS in the query");
      }
      fields.add(new Field(name, JdbcTypes.columnType(meta.getColumnType(i), meta.getColumnTypeName(i))));
      readers[i - 1] = JdbcTypes.reader(meta.getColumnType(i), meta.getColumnTypeName(i));
    }
    schema(List.copyOf(fields));
  }

  /** Connects to {@code url} and runs {@code query}; the user and password may be URL parameters. */
  public static JdbcSource open(String url, String query, SourceOptions options) {
    String source = withoutParameters(url);
    Connection connection;
    try {
      connection = DriverManager.getConnection(url);
    } catch (SQLException e) {
      throw new ProdlineException(source + ": cannot connect: " + e.getMessage(), e);
    }
    return over(source, connection, query, options, new BadRecords(options.badRecords()));
  }

  /**
   * Runs {@code query} on an open connection, which the source then owns and closes; {@code source} names the
   * data in messages. This is how other formats read through a SQL engine (Parquet through DuckDB).
   */
  public static JdbcSource over(String source, Connection connection, String query, SourceOptions options,
      BadRecords badRecords) {
    try {
      return new JdbcSource(source, connection, query, options, badRecords);
    } catch (SQLException | RuntimeException e) {
      throw Closing.afterFailure(connection, e instanceof ProdlineException p ? p
          : new ProdlineException(source + ": the query failed: " + e.getMessage(), e));
    }
  }

  /** The URL up to its parameters, which may hold a password; safe to print ({@code ?password=} or {@code ;password=}). */
  public static String withoutParameters(String url) {
    int end = url.length();
    for (char separator : new char[] {'?', ';'}) {
      int at = url.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return url.substring(0, end);
  }

  @Override
  protected boolean readNext(FrameAssembler batch) {
    if (exhausted) {
      return false;
    }
    try {
      if (!rows.next()) {
        exhausted = true;
        return false;
      }
      rowNumber++;
      readRow(batch);
      return true;
    } catch (SQLException e) {
      throw new ProdlineException(source + ": reading row " + (rowNumber + 1) + " failed: " + e.getMessage(), e);
    }
  }

  private void readRow(FrameAssembler batch) throws SQLException {
    batch.beginRow();
    for (int c = 0; c < readers.length; c++) {
      try {
        readers[c].read(rows, c + 1, batch, c);
      } catch (IllegalArgumentException e) {
        badRecords().reject(new DataFormatException(source, rowNumber,
            "column '" + schema().get(c).name() + "': " + e.getMessage() + "; cast it in the query"));
        return;
      }
    }
    batch.commitRow();
  }

  @Override
  public void close() {
    try (connection) {
      try (statement; rows) {
        // closes the cursor before the transaction ends
      }
      connection.rollback();
    } catch (SQLException e) {
      throw new ProdlineException(source + ": cannot close the connection: " + e.getMessage(), e);
    }
  }
}
