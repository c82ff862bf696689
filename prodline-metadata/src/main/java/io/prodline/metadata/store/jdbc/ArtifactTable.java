package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.ArtifactSpec;
import io.prodline.metadata.store.ArtifactState;
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

/** Artifact rows and their properties. */
final class ArtifactTable {
  private static final String SELECT = "SELECT a.id, t.name AS type_name, a.uri, a.state, a.fingerprint, "
      + "a.create_time, a.update_time FROM artifact a JOIN metadata_type t ON t.id = a.type_id ";

  private ArtifactTable() {}

  private record Row(long id, String type, String uri, ArtifactState state, String fingerprint, long created,
      long updated) {}

  static Artifact insert(Connection c, ArtifactSpec spec, long now) throws SQLException {
    var type = TypeTable.require(c, TypeKind.ARTIFACT, spec.type());
    type.check("artifact " + spec.uri(), spec.properties());
    long id = Statements.insert(c, "INSERT INTO artifact (type_id, uri, state, fingerprint, create_time, update_time) "
        + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", type.id(), spec.uri(), spec.state().name(), spec.fingerprint(),
        now, now);
    PropertyTable.ARTIFACT.insert(c, id, spec.properties());
    return new Artifact(id, spec.type(), spec.uri(), spec.state(), spec.fingerprint(), spec.properties(),
        Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
  }

  /** Artifacts matching {@code condition} (SQL on alias {@code a}, may end with ORDER BY), with properties. */
  static List<Artifact> where(Connection c, String condition, Object... params) throws SQLException {
    List<Row> rows = Statements.query(c, SELECT + "WHERE " + condition, rs -> new Row(rs.getLong("id"),
        rs.getString("type_name"), rs.getString("uri"), ArtifactState.valueOf(rs.getString("state")),
        rs.getString("fingerprint"), rs.getLong("create_time"), rs.getLong("update_time")), params);
    Map<Long, Map<String, PropertyValue>> properties =
        PropertyTable.ARTIFACT.load(c, rows.stream().map(Row::id).toList());
    List<Artifact> artifacts = new ArrayList<>(rows.size());
    for (Row r : rows) {
      artifacts.add(new Artifact(r.id, r.type, r.uri, r.state, r.fingerprint, properties.get(r.id),
          Instant.ofEpochMilli(r.created), Instant.ofEpochMilli(r.updated)));
    }
    return artifacts;
  }

  /** The artifacts with these ids, ordered by id. */
  static List<Artifact> byIds(Connection c, Collection<Long> ids) throws SQLException {
    List<Artifact> artifacts = new ArrayList<>();
    for (var chunk : Statements.chunks(ids)) {
      artifacts.addAll(where(c, "a.id IN (" + Statements.placeholders(chunk.size()) + ")", chunk.toArray()));
    }
    artifacts.sort(Comparator.comparingLong(Artifact::id));
    return artifacts;
  }

  static Artifact require(Connection c, long id) throws SQLException {
    List<Artifact> found = where(c, "a.id = ?", id);
    if (found.isEmpty()) {
      throw new MetadataNotFoundException("artifact " + id + " is not in the metadata store");
    }
    return found.get(0);
  }

  static Artifact updateState(Connection c, long id, ArtifactState state, long now) throws SQLException {
    require(c, id);
    Statements.update(c, "UPDATE artifact SET state = ?, update_time = ? WHERE id = ?", state.name(), now, id);
    return require(c, id);
  }
}
