package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.metadata.store.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Execution rows and their properties. */
final class ExecutionTable {
  private static final String SELECT = "SELECT x.id, t.name AS type_name, x.state, x.cache_key, x.create_time, "
      + "x.update_time FROM execution x JOIN metadata_type t ON t.id = x.type_id ";

  private ExecutionTable() {}

  private record Row(long id, String type, ExecutionState state, String cacheKey, long created, long updated) {}

  static Execution insert(Connection c, ExecutionSpec spec, long now) throws SQLException {
    var type = TypeTable.require(c, TypeKind.EXECUTION, spec.type());
    type.check("execution of " + spec.type(), spec.properties());
    long id = Statements.insert(c, "INSERT INTO execution (type_id, state, cache_key, create_time, update_time) "
        + "VALUES (?, ?, ?, ?, ?) RETURNING id", type.id(), spec.state().name(), spec.cacheKey(), now, now);
    PropertyTable.EXECUTION.insert(c, id, spec.properties());
    return new Execution(id, spec.type(), spec.state(), spec.cacheKey(), spec.properties(), Instant.ofEpochMilli(now),
        Instant.ofEpochMilli(now));
  }

  /** Executions matching {@code condition} (SQL on alias {@code x}, may end with ORDER BY/LIMIT), with properties. */
  static List<Execution> where(Connection c, String condition, Object... params) throws SQLException {
    List<Row> rows = Statements.query(c, SELECT + "WHERE " + condition, rs -> new Row(rs.getLong("id"),
        rs.getString("type_name"), ExecutionState.valueOf(rs.getString("state")), rs.getString("cache_key"),
        rs.getLong("create_time"), rs.getLong("update_time")), params);
    Map<Long, Map<String, PropertyValue>> properties =
        PropertyTable.EXECUTION.load(c, rows.stream().map(Row::id).toList());
    List<Execution> executions = new ArrayList<>(rows.size());
    for (Row r : rows) {
      executions.add(new Execution(r.id, r.type, r.state, r.cacheKey, properties.get(r.id),
          Instant.ofEpochMilli(r.created), Instant.ofEpochMilli(r.updated)));
    }
    return executions;
  }

  /** The executions with these ids, ordered by id. */
  static List<Execution> byIds(Connection c, Collection<Long> ids) throws SQLException {
    List<Execution> executions = new ArrayList<>();
    for (var chunk : Statements.chunks(ids)) {
      executions.addAll(where(c, "x.id IN (" + Statements.placeholders(chunk.size()) + ")", chunk.toArray()));
    }
    executions.sort(Comparator.comparingLong(Execution::id));
    return executions;
  }

  static Execution require(Connection c, long id) throws SQLException {
    List<Execution> found = where(c, "x.id = ?", id);
    if (found.isEmpty()) {
      throw new MetadataNotFoundException("execution " + id + " is not in the metadata store");
    }
    return found.get(0);
  }

  static Execution updateState(Connection c, long id, ExecutionState state, long now) throws SQLException {
    Execution current = require(c, id);
    if (!current.state().canMoveTo(state)) {
      throw new MetadataException("execution " + id + " (" + current.type() + ") cannot move from "
          + current.state() + " to " + state + "; see ExecutionState for the legal moves");
    }
    Statements.update(c, "UPDATE execution SET state = ?, update_time = ? WHERE id = ?", state.name(), now, id);
    return require(c, id);
  }
}
