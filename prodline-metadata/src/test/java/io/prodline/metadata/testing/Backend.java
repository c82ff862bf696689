package io.prodline.metadata.testing;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases every store and registry test runs against. PostgreSQL is the real server (CI starts it); when it
 * cannot be reached the test fails with how to start it, it is never skipped: a green run means both were tested.
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  /** Override with the environment variable of the same name; the server must accept this user without a password. */
  public static final String POSTGRES_URL_VARIABLE = "PRODLINE_TEST_POSTGRES_URL";
  static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** A fresh, empty database: a file under {@code dir}, or a new PostgreSQL schema dropped on close. */
  public TestDatabase create(Path dir) {
    if (this == SQLITE) {
      return new TestDatabase("jdbc:sqlite:" + dir.resolve("metadata.db"), () -> { });
    }
    String server = System.getenv().getOrDefault(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL);
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    execute(server, "CREATE SCHEMA " + schema);
    String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestDatabase(url, () -> execute(server, "DROP SCHEMA " + schema + " CASCADE"));
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + url + " is needed by this test and failed (" + e.getMessage()
          + "). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, "
          + "or point " + POSTGRES_URL_VARIABLE + " at a server that trusts the user.", e);
    }
  }

  /** A database for one test: open it (as often as needed, to test re-opening), close to clean up. */
  public static final class TestDatabase implements AutoCloseable {
    private final String url;
    private final Runnable cleanup;

    TestDatabase(String url, Runnable cleanup) {
      this.url = url;
      this.cleanup = cleanup;
    }

    public String url() {
      return url;
    }

    public MetadataDatabase open(Clock clock) {
      return MetadataStores.open(url, Path.of("unused-home"), clock);
    }

    @Override
    public void close() {
      cleanup.run();
    }
  }
}
