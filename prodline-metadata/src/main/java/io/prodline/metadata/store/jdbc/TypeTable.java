package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.MetadataType;
import io.prodline.metadata.store.Names;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.TypeKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Artifact, execution and context types and their declared properties ({@code metadata_type}, {@code type_property}). */
final class TypeTable {
  private TypeTable() {}

  static MetadataType put(Connection c, TypeKind kind, String name, Map<String, PropertyType> properties, long now)
      throws SQLException {
    Names.require(name, kind.word() + " type name");
    Optional<MetadataType> stored = find(c, kind, name);
    long id;
    Map<String, PropertyType> merged = new LinkedHashMap<>();
    if (stored.isPresent()) {
      id = stored.get().id();
      merged.putAll(stored.get().properties());
    } else {
      id = Statements.insert(c, "INSERT INTO metadata_type (kind, name, create_time) VALUES (?, ?, ?) RETURNING id",
          kind.name(), name, now);
    }
    for (Map.Entry<String, PropertyType> e : properties.entrySet()) {
      PropertyType before = merged.get(e.getKey());
      if (before == null) {
        Names.require(e.getKey(), kind.word() + " type '" + name + "' property name");
        Statements.update(c, "INSERT INTO type_property (type_id, name, data_type) VALUES (?, ?, ?)", id, e.getKey(),
            e.getValue().name());
        merged.put(e.getKey(), e.getValue());
      } else if (before != e.getValue()) {
        throw new MetadataConflictException(kind.word() + " type '" + name + "' already declares property '"
            + e.getKey() + "' as " + before + ", not " + e.getValue()
            + "; stored values would no longer fit: use a new property name");
      }
    }
    return new MetadataType(id, kind, name, merged);
  }

  static Optional<MetadataType> find(Connection c, TypeKind kind, String name) throws SQLException {
    List<Long> ids = Statements.query(c, "SELECT id FROM metadata_type WHERE kind = ? AND name = ?",
        rs -> rs.getLong(1), kind.name(), name);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    Map<String, PropertyType> properties = new LinkedHashMap<>();
    for (Object[] row : Statements.query(c, "SELECT name, data_type FROM type_property WHERE type_id = ? ORDER BY name",
        rs -> new Object[] {rs.getString(1), PropertyType.valueOf(rs.getString(2))}, ids.get(0))) {
      properties.put((String) row[0], (PropertyType) row[1]);
    }
    return Optional.of(new MetadataType(ids.get(0), kind, name, properties));
  }

  /** The type, or a failure that says how to define it. */
  static MetadataType require(Connection c, TypeKind kind, String name) throws SQLException {
    return find(c, kind, name).orElseThrow(() -> new MetadataNotFoundException(kind.word() + " type '" + name
        + "' is not defined; define it first with putType(" + kind.name() + ", \"" + name + "\", properties)"));
  }
}
