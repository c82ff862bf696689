package io.prodline.metadata.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.metadata.store.EventType;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lineage must cost what its answer costs, not what the store holds: SQLite's plan for {@link LineageQuery#SQL}
 * reaches the event table only through index searches. A full scan of event (once chosen to avoid sorting for
 * ORDER BY and DISTINCT) made each 5-hop query take hundreds of milliseconds with a million events.
 */
class LineageQueryPlanTest {
  @TempDir
  Path dir;

  @Test
  void sqliteSearchesTheEventIndexesAndNeverScansEvent() {
    List<String> plan;
    try (JdbcDatabase db = JdbcDatabase.open("jdbc:sqlite:" + dir.resolve("metadata.db"))) {
      plan = db.read(c -> {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + LineageQuery.SQL)) {
          Object[] params = {1L, EventType.OUTPUT.name(), EventType.INPUT.name(), 5, EventType.OUTPUT.name(), 5,
              EventType.INPUT.name()};
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
    List<String> eventAccesses = plan.stream().filter(d -> d.matches("(SCAN|SEARCH) (ev|back|onward)\\b.*")).toList();
    assertThat(eventAccesses).as("plan %s", plan).hasSize(4).allMatch(d -> d.startsWith("SEARCH "));
  }
}
