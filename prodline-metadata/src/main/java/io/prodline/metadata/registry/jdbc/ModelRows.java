package io.prodline.metadata.registry.jdbc;

import io.prodline.metadata.registry.ModelVersion;
import io.prodline.metadata.registry.NewModelVersion;
import io.prodline.metadata.registry.RegisteredModel;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.jdbc.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes of models, versions, aliases and tags; no history (that is {@link HistoryLog}'s job). */
final class ModelRows {
  /** Tags on this "version" belong to the model itself. */
  static final int MODEL_TAGS = 0;

  private ModelRows() {}

  /** A {@code registered_model} row. */
  record Model(long id, String name, String description, int lastVersion, long created, long updated) {}

  static Optional<Model> find(Connection c, String name) throws SQLException {
    return Statements.query(c, "SELECT id, name, description, last_version, create_time, update_time "
        + "FROM registered_model WHERE name = ?", rs -> new Model(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getInt(4), rs.getLong(5), rs.getLong(6)), name).stream().findFirst();
  }

  static Model require(Connection c, String name) throws SQLException {
    return find(c, name).orElseThrow(() -> new MetadataNotFoundException("model '" + name
        + "' is not registered; register a version of it first (prodline models list shows what is)"));
  }

  static List<String> names(Connection c) throws SQLException {
    return Statements.query(c, "SELECT name FROM registered_model ORDER BY name", rs -> rs.getString(1));
  }

  static Model insert(Connection c, String name, String description, long now) throws SQLException {
    long id = Statements.insert(c, "INSERT INTO registered_model (name, description, last_version, create_time, "
        + "update_time) VALUES (?, ?, 0, ?, ?) RETURNING id", name, description, now, now);
    return new Model(id, name, description, 0, now, now);
  }

  /** Takes the next version number; the UPDATE locks the model's row, so concurrent callers get different ones. */
  static int nextVersion(Connection c, Model model, long now) throws SQLException {
    Statements.update(c, "UPDATE registered_model SET last_version = last_version + 1, update_time = ? WHERE id = ?",
        now, model.id());
    return Statements.query(c, "SELECT last_version FROM registered_model WHERE id = ?", rs -> rs.getInt(1),
        model.id()).get(0);
  }

  static ModelVersion insertVersion(Connection c, Model model, int version, NewModelVersion spec, long now)
      throws SQLException {
    Statements.update(c, "INSERT INTO model_version (model_id, version, bundle_fingerprint, uri, source_run, "
        + "source_execution_id, metrics_json, create_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", model.id(), version,
        spec.bundleFingerprint(), spec.uri(), spec.sourceRun(), spec.sourceExecutionId(), spec.metricsJson(), now);
    return new ModelVersion(model.name(), version, spec.bundleFingerprint(), spec.uri(), spec.sourceRun(),
        spec.sourceExecutionId(), spec.metricsJson(), Map.of(), Instant.ofEpochMilli(now));
  }

  static RegisteredModel toRegistered(Connection c, Model model) throws SQLException {
    return new RegisteredModel(model.name(), model.description(), model.lastVersion(), aliases(c, model),
        tags(c, model, MODEL_TAGS), Instant.ofEpochMilli(model.created()), Instant.ofEpochMilli(model.updated()));
  }

  /** Versions of {@code model}, oldest first; {@code condition} narrows them (SQL on {@code v}, or "1 = 1"). */
  static List<ModelVersion> versions(Connection c, Model model, String condition, Object... params)
      throws SQLException {
    Object[] all = new Object[params.length + 1];
    all[0] = model.id();
    System.arraycopy(params, 0, all, 1, params.length);
    List<Object[]> rows = Statements.query(c, "SELECT version, bundle_fingerprint, uri, source_run, "
        + "source_execution_id, metrics_json, create_time FROM model_version v WHERE v.model_id = ? AND " + condition
        + " ORDER BY version", rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
        Statements.nullableLong(rs, "source_execution_id"), rs.getString(6), rs.getLong(7)}, all);
    List<ModelVersion> versions = new ArrayList<>();
    for (Object[] r : rows) {
      int version = (Integer) r[0];
      versions.add(new ModelVersion(model.name(), version, (String) r[1], (String) r[2], (String) r[3], (Long) r[4],
          (String) r[5], tags(c, model, version), Instant.ofEpochMilli((Long) r[6])));
    }
    return versions;
  }

  static ModelVersion requireVersion(Connection c, Model model, int version) throws SQLException {
    List<ModelVersion> found = versions(c, model, "v.version = ?", version);
    if (found.isEmpty()) {
      throw new MetadataNotFoundException("model '" + model.name() + "' has no version " + version
          + " (latest is " + model.lastVersion() + ")");
    }
    return found.get(0);
  }

  static Map<String, Integer> aliases(Connection c, Model model) throws SQLException {
    Map<String, Integer> aliases = new LinkedHashMap<>();
    for (Object[] row : Statements.query(c, "SELECT alias, version FROM model_alias WHERE model_id = ? ORDER BY alias",
        rs -> new Object[] {rs.getString(1), rs.getInt(2)}, model.id())) {
      aliases.put((String) row[0], (Integer) row[1]);
    }
    return aliases;
  }

  /** Writes {@code alias} → {@code version}, replacing where it pointed before. */
  static void putAlias(Connection c, Model model, String alias, int version, long now) throws SQLException {
    Statements.update(c, "INSERT INTO model_alias (model_id, alias, version, update_time) VALUES (?, ?, ?, ?) "
        + "ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version, update_time = excluded.update_time",
        model.id(), alias, version, now);
  }

  static void deleteAlias(Connection c, Model model, String alias) throws SQLException {
    Statements.update(c, "DELETE FROM model_alias WHERE model_id = ? AND alias = ?", model.id(), alias);
  }

  static Map<String, String> tags(Connection c, Model model, int version) throws SQLException {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Object[] row : Statements.query(c, "SELECT tag, value FROM model_tag WHERE model_id = ? AND version = ? "
        + "ORDER BY tag", rs -> new Object[] {rs.getString(1), rs.getString(2)}, model.id(), version)) {
      tags.put((String) row[0], (String) row[1]);
    }
    return tags;
  }

  static void putTag(Connection c, Model model, int version, String key, String value) throws SQLException {
    Statements.update(c, "INSERT INTO model_tag (model_id, version, tag, value) VALUES (?, ?, ?, ?) "
        + "ON CONFLICT (model_id, version, tag) DO UPDATE SET value = excluded.value", model.id(), version, key, value);
  }

  static void deleteTag(Connection c, Model model, int version, String key) throws SQLException {
    Statements.update(c, "DELETE FROM model_tag WHERE model_id = ? AND version = ? AND tag = ?", model.id(), version,
        key);
  }
}
