package io.prodline.metadata.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lineage must cost what its answer costs, not what the store holds: SQLite's plans for {@link LineageQuery}'s
 * statements reach the event table only through index searches. A full scan of event (once chosen to avoid
 * sorting for ORDER BY and DISTINCT) made each 5-hop query take half a second with a million events.
 */
class LineageQueryPlanTest {
  @TempDir
  Path dir;

  @Test
  void theWalkSearchesTheEventIndexes() {
    assertSearchesOnly(LineageQuery.WALK, 1L, "OUTPUT", "INPUT", 5);
  }

  @Test
  void eventsByArtifactsSearchTheEventIndexes() {
    assertSearchesOnly(LineageQuery.BY_ARTIFACTS + Statements.placeholders(3) + ")", "OUTPUT", 1L, 2L, 3L);
  }

  @Test
  void eventsByExecutionsSearchTheEventIndexes() {
    assertSearchesOnly(LineageQuery.BY_EXECUTIONS + Statements.placeholders(3) + ")", "INPUT", 1L, 2L, 3L);
  }

  private void assertSearchesOnly(String sql, Object... params) {
    List<String> plan = plan(sql, params);
    List<String> eventAccesses = plan.stream().filter(d -> d.matches("(SCAN|SEARCH) (event|back|onward)\\b.*"))
        .toList();
    assertThat(eventAccesses).as("plan %s", plan).isNotEmpty().allMatch(d -> d.startsWith("SEARCH "));
  }

  private List<String> plan(String sql, Object... params) {
    try (JdbcDatabase db = JdbcDatabase.open("jdbc:sqlite:" + dir.resolve("metadata.db"))) {
      return db.read(c -> {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
          for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
          }
          List<String> details = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              details.add(rs.getString("detail"));
            }
          }
          return details;
        }
      });
    }
  }
}
