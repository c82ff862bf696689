package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.EventType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Events, attributions and associations: the edges of the metadata graph. */
final class EventTable {
  static final String COLUMNS = "artifact_id, execution_id, kind, io_key, io_index, create_time";

  private EventTable() {}

  static Event insert(Connection c, long artifactId, long executionId, EventType type, String key, int index, long now)
      throws SQLException {
    Statements.update(c, "INSERT INTO event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", artifactId, executionId,
        type.name(), key, index, now);
    return new Event(artifactId, executionId, type, key, index, Instant.ofEpochMilli(now));
  }

  static List<Event> where(Connection c, String condition, Object... params) throws SQLException {
    return Statements.query(c, "SELECT " + COLUMNS + " FROM event WHERE " + condition + " ORDER BY id",
        EventTable::map, params);
  }

  static Event map(ResultSet rs) throws SQLException {
    return new Event(rs.getLong("artifact_id"), rs.getLong("execution_id"), EventType.valueOf(rs.getString("kind")),
        rs.getString("io_key"), rs.getInt("io_index"), Instant.ofEpochMilli(rs.getLong("create_time")));
  }

  static void attribute(Connection c, long artifactId, long contextId) throws SQLException {
    Statements.update(c, "INSERT INTO attribution (artifact_id, context_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        artifactId, contextId);
  }

  static void associate(Connection c, long executionId, long contextId) throws SQLException {
    Statements.update(c, "INSERT INTO association (execution_id, context_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
        executionId, contextId);
  }
}
