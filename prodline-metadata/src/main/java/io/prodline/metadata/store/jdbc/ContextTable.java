package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Context;
import io.prodline.metadata.store.ContextSpec;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.metadata.store.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Context rows and their properties; a name is unique within its type. */
final class ContextTable {
  private static final String SELECT = "SELECT k.id, t.name AS type_name, k.name, k.create_time "
      + "FROM context k JOIN metadata_type t ON t.id = k.type_id ";

  private ContextTable() {}

  private record Row(long id, String type, String name, long created) {}

  static Context insert(Connection c, ContextSpec spec, long now) throws SQLException {
    var type = TypeTable.require(c, TypeKind.CONTEXT, spec.type());
    type.check("context " + spec.type() + "/" + spec.name(), spec.properties());
    List<Context> same = where(c, "k.type_id = ? AND k.name = ?", type.id(), spec.name());
    if (!same.isEmpty()) {
      throw new MetadataConflictException("context " + spec.type() + " '" + spec.name() + "' already exists (id "
          + same.get(0).id() + "); refer to it with ContextRef.existing(" + same.get(0).id()
          + ") or choose another name");
    }
    long id = Statements.insert(c, "INSERT INTO context (type_id, name, create_time) VALUES (?, ?, ?) RETURNING id",
        type.id(), spec.name(), now);
    PropertyTable.CONTEXT.insert(c, id, spec.properties());
    return new Context(id, spec.type(), spec.name(), spec.properties(), Instant.ofEpochMilli(now));
  }

  /** Contexts matching {@code condition} (SQL on alias {@code k}, may end with ORDER BY), with properties. */
  static List<Context> where(Connection c, String condition, Object... params) throws SQLException {
    List<Row> rows = Statements.query(c, SELECT + "WHERE " + condition, rs -> new Row(rs.getLong("id"),
        rs.getString("type_name"), rs.getString("name"), rs.getLong("create_time")), params);
    Map<Long, Map<String, PropertyValue>> properties =
        PropertyTable.CONTEXT.load(c, rows.stream().map(Row::id).toList());
    List<Context> contexts = new ArrayList<>(rows.size());
    for (Row r : rows) {
      contexts.add(new Context(r.id, r.type, r.name, properties.get(r.id), Instant.ofEpochMilli(r.created)));
    }
    return contexts;
  }

  static Context require(Connection c, long id) throws SQLException {
    List<Context> found = where(c, "k.id = ?", id);
    if (found.isEmpty()) {
      throw new MetadataNotFoundException("context " + id + " is not in the metadata store");
    }
    return found.get(0);
  }
}
