package io.prodline.data.source.jdbc;

import static io.prodline.data.source.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.schema.Field;
import io.prodline.data.source.Rows;
import io.prodline.data.source.SourceOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real PostgreSQL of this machine. It must be running: an unreachable server fails these tests
 * with the way to start it, because a skipped test would hide that JDBC was never checked.
 */
class PostgresSourceTest {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final String table = "prodline_source_test_" + UUID.randomUUID().toString().replace("-", "");
  private Connection admin;

  @BeforeEach
  void createTable() throws SQLException {
    try {
      admin = DriverManager.getConnection(URL);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + URL + " is unreachable (" + e.getMessage() + "); start it with"
          + " `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`", e);
    }
    execute("CREATE TABLE " + table + " AS SELECT i::bigint AS id, (i % 1000)::int AS small, i / 8.0 AS ratio,"
        + " (i * 0.5)::real AS r, i % 2 = 0 AS even, 'name ' || i AS name,"
        + " DATE '2024-01-01' + (i % 366) AS day, TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL '1 second' AS ts,"
        + " TIMESTAMPTZ '2024-01-01 00:00:00+00' AS tz, CASE WHEN i % 10 = 0 THEN NULL ELSE i END AS sometimes"
        + " FROM generate_series(1, 200000) AS s(i)");
  }

  @AfterEach
  void dropTable() throws SQLException {
    if (admin != null) {
      try (Connection connection = admin) {
        execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void streamsAQueryInBatches() {
    SourceOptions options = SourceOptions.defaults().withBatchRows(10_000);
    List<Integer> sizes = new ArrayList<>();
    long expected = 1;
    try (JdbcSource source = JdbcSource.open(URL, "SELECT * FROM " + table + " ORDER BY id", options)) {
      assertThat(source.schema()).containsExactly(new Field("id", ColumnType.INT64),
          new Field("small", ColumnType.INT64), new Field("ratio", ColumnType.FLOAT64),
          new Field("r", ColumnType.FLOAT64), new Field("even", ColumnType.BOOL),
          new Field("name", ColumnType.STRING), new Field("day", ColumnType.STRING),
          new Field("ts", ColumnType.STRING), new Field("tz", ColumnType.STRING),
          new Field("sometimes", ColumnType.INT64));
      for (Frame batch : source) {
        sizes.add(batch.rowCount());
        Int64Column ids = (Int64Column) batch.column("id");
        for (int r = 0; r < batch.rowCount(); r++, expected++) {
          assertThat(ids.value(r)).isEqualTo(expected);
        }
        if (sizes.size() == 1) {
          assertThat(Rows.of(batch).get(9)).isEqualTo(row(10L, 10L, 1.25, 5.0, true, "name 10", "2024-01-11",
              "2024-01-01T00:00:10", "2024-01-01T00:00:00Z", null));
        }
      }
    }
    assertThat(sizes).hasSize(20).containsOnly(10_000);
    assertThat(expected - 1).isEqualTo(200_000);
  }

  @Test
  void aBadQueryNamesTheUrlButNotItsParameters() {
    assertThatThrownBy(() -> JdbcSource.open(URL + "&password=secret", "SELECT nope FROM " + table,
        SourceOptions.defaults()))
        .isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("jdbc:postgresql://127.0.0.1:5432/test: the query failed: ")
        .hasMessageContaining("nope")
        .hasMessageNotContaining("secret");
  }

  @Test
  void duplicateColumnNamesAreRefused() {
    assertThatThrownBy(() -> JdbcSource.open(URL, "SELECT id, small AS id FROM " + table,
        SourceOptions.defaults()))
        .hasMessage("jdbc:postgresql://127.0.0.1:5432/test: result columns 1 and 2 are both named 'id';"
            + " give them distinct names with AS in the query");
  }
}
