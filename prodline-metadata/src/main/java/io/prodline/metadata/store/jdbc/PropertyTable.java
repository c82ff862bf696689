package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.PropertyValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The property values of one entity kind ({@code artifact_property}, {@code execution_property},
 * {@code context_property}): one row per value, in the column of its type (booleans as 0/1 in {@code int_value}).
 */
final class PropertyTable {
  static final PropertyTable ARTIFACT = new PropertyTable("artifact_property", "artifact_id");
  static final PropertyTable EXECUTION = new PropertyTable("execution_property", "execution_id");
  static final PropertyTable CONTEXT = new PropertyTable("context_property", "context_id");

  private final String table;
  private final String ownerColumn;

  private PropertyTable(String table, String ownerColumn) {
    this.table = table;
    this.ownerColumn = ownerColumn;
  }

  void insert(Connection c, long ownerId, Map<String, PropertyValue> values) throws SQLException {
    String sql = "INSERT INTO " + table + " (" + ownerColumn
        + ", name, value_type, int_value, double_value, string_value) VALUES (?, ?, ?, ?, ?, ?)";
    for (Map.Entry<String, PropertyValue> e : values.entrySet()) {
      Object[] columns = columns(e.getValue());
      Statements.update(c, sql, ownerId, e.getKey(), e.getValue().type().name(), columns[0], columns[1], columns[2]);
    }
  }

  /** The properties of each owner; owners without properties map to an empty map. */
  Map<Long, Map<String, PropertyValue>> load(Connection c, Collection<Long> ownerIds) throws SQLException {
    Map<Long, Map<String, PropertyValue>> byOwner = new HashMap<>();
    for (var chunk : Statements.chunks(ownerIds)) {
      String sql = "SELECT " + ownerColumn + " AS owner, name, value_type, int_value, double_value, string_value FROM "
          + table + " WHERE " + ownerColumn + " IN (" + Statements.placeholders(chunk.size()) + ") ORDER BY name";
      for (Object[] row : Statements.query(c, sql, rs -> new Object[] {rs.getLong("owner"), rs.getString("name"),
          value(rs)}, chunk.toArray())) {
        byOwner.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>()).put((String) row[1], (PropertyValue) row[2]);
      }
    }
    ownerIds.forEach(id -> byOwner.putIfAbsent(id, Map.of()));
    return byOwner;
  }

  /** int_value, double_value, string_value for one value. */
  private static Object[] columns(PropertyValue value) {
    if (value instanceof PropertyValue.IntValue v) {
      return new Object[] {v.value(), null, null};
    }
    if (value instanceof PropertyValue.DoubleValue v) {
      return new Object[] {null, v.value(), null};
    }
    if (value instanceof PropertyValue.StringValue v) {
      return new Object[] {null, null, v.value()};
    }
    return new Object[] {((PropertyValue.BooleanValue) value).value() ? 1L : 0L, null, null};
  }

  private static PropertyValue value(ResultSet rs) throws SQLException {
    return switch (PropertyType.valueOf(rs.getString("value_type"))) {
      case INT -> PropertyValue.of(rs.getLong("int_value"));
      case DOUBLE -> PropertyValue.of(rs.getDouble("double_value"));
      case STRING -> PropertyValue.of(rs.getString("string_value"));
      case BOOLEAN -> PropertyValue.of(rs.getLong("int_value") != 0);
    };
  }
}
