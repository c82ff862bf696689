package io.prodline.metadata.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataException;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A migrated metadata database behind a small connection pool, and the one place transactions are run.
 *
 * <p>A pool, because opening a PostgreSQL connection costs milliseconds and the store makes many small calls.
 * SQLite connections run in WAL mode (readers never block the writer), wait up to {@link #BUSY_TIMEOUT_MS} for a
 * lock instead of failing at once, enforce foreign keys, and begin write transactions IMMEDIATE so two writers
 * queue instead of deadlocking on a read-to-write upgrade. Reads run in auto-commit: each statement sees one
 * consistent snapshot and holds no write lock.
 */
public final class JdbcDatabase implements AutoCloseable {
  /** How long a SQLite writer waits for another writer before failing. */
  public static final int BUSY_TIMEOUT_MS = 10_000;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String redactedUrl;

  private JdbcDatabase(HikariDataSource pool, Dialect dialect, String redactedUrl) {
    this.pool = pool;
    this.dialect = dialect;
    this.redactedUrl = redactedUrl;
  }

  /** Connects to {@code url} and migrates its schema; fails with the URL (password hidden) and what to check. */
  public static JdbcDatabase open(String url) {
    Dialect dialect = Dialect.of(url);
    String redacted = redact(url);
    HikariConfig config = new HikariConfig();
    config.setPoolName("prodline-metadata");
    config.setConnectionTimeout(BUSY_TIMEOUT_MS);
    if (dialect == Dialect.SQLITE) {
      config.setDataSource(sqlite(url));
      config.setMaximumPoolSize(4);
    } else {
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(8);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new MetadataException("cannot connect to the metadata database " + redacted + ": " + rootMessage(e)
          + (dialect == Dialect.SQLITE
              ? "; check that the directory exists and is writable"
              : "; check that the PostgreSQL server is running and that the URL names a database and a user it "
                  + "accepts (jdbc:postgresql://host:5432/db?user=…&password=…)"), e);
    }
    try {
      SchemaMigrator.migrate(pool, dialect, redacted);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new JdbcDatabase(pool, dialect, redacted);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The URL with any password hidden, for messages. */
  public String url() {
    return redactedUrl;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back entirely when it throws. A
   * unique-key violation becomes a {@link MetadataConflictException}.
   */
  public <T> T write(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c, e);
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs read-only {@code work} in auto-commit. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static SQLiteDataSource sqlite(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  private MetadataException translate(SQLException e) {
    if (dialect.isUniqueViolation(e)) {
      return new MetadataConflictException("another writer stored the same key in " + redactedUrl + " first ("
          + e.getMessage() + "); read the stored entity or retry", e);
    }
    return new MetadataException("metadata database " + redactedUrl + " failed: " + e.getMessage(), e);
  }

  private static void rollback(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
