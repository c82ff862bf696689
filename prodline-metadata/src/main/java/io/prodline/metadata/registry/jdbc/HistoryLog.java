package io.prodline.metadata.registry.jdbc;

import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.HistoryEntry;
import io.prodline.metadata.registry.RegistryAction;
import io.prodline.metadata.store.jdbc.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The append-only {@code registry_history} table: written in the same transaction as the change it records. */
final class HistoryLog {
  private HistoryLog() {}

  /** A change about to be appended: everything but who, why and when. */
  record Change(RegistryAction action, Integer version, String subject, String oldValue, String newValue) {}

  static void append(Connection c, ModelRows.Model model, Change change, Audit audit, long now) throws SQLException {
    Statements.update(c, "INSERT INTO registry_history (model_id, action, version, subject, old_value, new_value, "
        + "actor, reason, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", model.id(), change.action().name(),
        change.version(), change.subject(), change.oldValue(), change.newValue(), audit.actor(), audit.reason(), now);
  }

  static List<HistoryEntry> read(Connection c, ModelRows.Model model) throws SQLException {
    return Statements.query(c, "SELECT id, action, version, subject, old_value, new_value, actor, reason, create_time "
        + "FROM registry_history WHERE model_id = ? ORDER BY id", rs -> {
          long version = rs.getLong("version");
          Integer boxed = rs.wasNull() ? null : (int) version;
          return new HistoryEntry(rs.getLong("id"), model.name(), RegistryAction.valueOf(rs.getString("action")),
              boxed, rs.getString("subject"), rs.getString("old_value"), rs.getString("new_value"),
              rs.getString("actor"), rs.getString("reason"), Instant.ofEpochMilli(rs.getLong("create_time")));
        }, model.id());
  }
}
