package io.prodline.metadata.registry.jdbc;

import io.prodline.metadata.registry.AliasHistory;
import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.HistoryEntry;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.metadata.registry.NewModelVersion;
import io.prodline.metadata.registry.RegisteredModel;
import io.prodline.metadata.registry.RegistryAction;
import io.prodline.metadata.registry.jdbc.HistoryLog.Change;
import io.prodline.metadata.registry.jdbc.ModelRows.Model;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.Names;
import io.prodline.metadata.store.jdbc.JdbcDatabase;
import io.prodline.metadata.store.jdbc.Statements;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link ModelRegistry} on a {@link JdbcDatabase}: each change and its history entry are one transaction. */
public final class JdbcModelRegistry implements ModelRegistry {
  private final JdbcDatabase db;
  private final Clock clock;

  public JdbcModelRegistry(JdbcDatabase db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public RegisteredModel createModel(String name, String description, Audit audit) {
    Names.require(name, "model name");
    Objects.requireNonNull(audit, "audit");
    return db.write(c -> {
      if (ModelRows.find(c, name).isPresent()) {
        throw new MetadataConflictException("model '" + name + "' already exists; register a version of it instead");
      }
      Model model = create(c, name, description, audit);
      return ModelRows.toRegistered(c, model);
    });
  }

  @Override
  public ModelVersion registerVersion(String model, NewModelVersion version, Audit audit) {
    Names.require(model, "model name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(audit, "audit");
    return db.write(c -> {
      Model row = ModelRows.find(c, model).orElse(null);
      if (row == null) {
        row = create(c, model, "", audit);
      }
      if (version.sourceExecutionId() != null && Statements.query(c, "SELECT id FROM execution WHERE id = ?",
          rs -> rs.getLong(1), version.sourceExecutionId()).isEmpty()) {
        throw new MetadataNotFoundException("model '" + model + "': source execution " + version.sourceExecutionId()
            + " is not in the metadata store; record the training execution first or leave the id out");
      }
      long now = clock.millis();
      int number = ModelRows.nextVersion(c, row, now);
      ModelVersion registered = ModelRows.insertVersion(c, row, number, version, now);
      HistoryLog.append(c, row, new Change(RegistryAction.REGISTER_VERSION, number, null, null,
          version.bundleFingerprint()), audit, now);
      return registered;
    });
  }

  @Override
  public Optional<RegisteredModel> model(String name) {
    return db.read(c -> {
      Optional<Model> row = ModelRows.find(c, name);
      return row.isEmpty() ? Optional.empty() : Optional.of(ModelRows.toRegistered(c, row.get()));
    });
  }

  @Override
  public List<RegisteredModel> models() {
    return db.read(c -> {
      List<RegisteredModel> models = new ArrayList<>();
      for (String name : ModelRows.names(c)) {
        models.add(ModelRows.toRegistered(c, ModelRows.require(c, name)));
      }
      return models;
    });
  }

  @Override
  public Optional<ModelVersion> version(String model, int version) {
    return db.read(c -> {
      Optional<Model> row = ModelRows.find(c, model);
      return row.isEmpty() ? Optional.empty()
          : ModelRows.versions(c, row.get(), "v.version = ?", version).stream().findFirst();
    });
  }

  @Override
  public List<ModelVersion> versions(String model) {
    return db.read(c -> ModelRows.versions(c, ModelRows.require(c, model), "1 = 1"));
  }

  @Override
  public Optional<ModelVersion> versionByAlias(String model, String alias) {
    return db.read(c -> {
      Optional<Model> row = ModelRows.find(c, model);
      return row.isEmpty() ? Optional.empty() : ModelRows.versions(c, row.get(),
          "v.version = (SELECT version FROM model_alias WHERE model_id = v.model_id AND alias = ?)", alias)
          .stream().findFirst();
    });
  }

  @Override
  public ModelVersion setAlias(String model, String alias, int version, Audit audit) {
    checkAlias(alias);
    Objects.requireNonNull(audit, "audit");
    return db.write(c -> {
      Model row = ModelRows.require(c, model);
      ModelVersion target = ModelRows.requireVersion(c, row, version);
      Integer before = ModelRows.aliases(c, row).get(alias);
      if (before == null || before != version) {
        moveAlias(c, row, alias, before, version, RegistryAction.SET_ALIAS, audit);
      }
      return target;
    });
  }

  @Override
  public void removeAlias(String model, String alias, Audit audit) {
    Objects.requireNonNull(audit, "audit");
    db.write(c -> {
      Model row = ModelRows.require(c, model);
      int before = currentAlias(c, row, alias);
      ModelRows.deleteAlias(c, row, alias);
      HistoryLog.append(c, row, new Change(RegistryAction.REMOVE_ALIAS, before, alias, String.valueOf(before), null),
          audit, clock.millis());
      return null;
    });
  }

  @Override
  public ModelVersion promote(String model, int version, Audit audit) {
    return setAlias(model, CHAMPION, version, audit);
  }

  @Override
  public ModelVersion rollback(String model, String alias, Audit audit) {
    Objects.requireNonNull(audit, "audit");
    return db.write(c -> {
      Model row = ModelRows.require(c, model);
      int before = currentAlias(c, row, alias);
      int target = AliasHistory.rollbackTarget(alias, HistoryLog.read(c, row)).orElseThrow(() ->
          new MetadataException("alias '" + alias + "' of model '" + model + "' has no earlier version to roll back "
              + "to (it points at version " + before + "); point it elsewhere with alias/promote instead"));
      ModelVersion version = ModelRows.requireVersion(c, row, target);
      moveAlias(c, row, alias, before, target, RegistryAction.ROLLBACK_ALIAS, audit);
      return version;
    });
  }

  @Override
  public void setModelTag(String model, String key, String value, Audit audit) {
    setTag(model, ModelRows.MODEL_TAGS, key, value, audit);
  }

  @Override
  public void removeModelTag(String model, String key, Audit audit) {
    removeTag(model, ModelRows.MODEL_TAGS, key, audit);
  }

  @Override
  public void setVersionTag(String model, int version, String key, String value, Audit audit) {
    setTag(model, version, key, value, audit);
  }

  @Override
  public void removeVersionTag(String model, int version, String key, Audit audit) {
    removeTag(model, version, key, audit);
  }

  @Override
  public List<HistoryEntry> history(String model) {
    return db.read(c -> HistoryLog.read(c, ModelRows.require(c, model)));
  }

  private Model create(Connection c, String name, String description, Audit audit) throws SQLException {
    long now = clock.millis();
    Model model = ModelRows.insert(c, name, description == null ? "" : description, now);
    HistoryLog.append(c, model, new Change(RegistryAction.CREATE_MODEL, null, null, null, null), audit, now);
    return model;
  }

  private void moveAlias(Connection c, Model model, String alias, Integer before, int after, RegistryAction action,
      Audit audit) throws SQLException {
    long now = clock.millis();
    ModelRows.putAlias(c, model, alias, after, now);
    HistoryLog.append(c, model, new Change(action, after, alias, before == null ? null : String.valueOf(before),
        String.valueOf(after)), audit, now);
  }

  private static int currentAlias(Connection c, Model model, String alias) throws SQLException {
    var aliases = ModelRows.aliases(c, model);
    Integer version = aliases.get(alias);
    if (version == null) {
      throw new MetadataNotFoundException("model '" + model.name() + "' has no alias '" + alias + "' (aliases: "
          + aliases.keySet() + ")");
    }
    return version;
  }

  private void setTag(String model, int version, String key, String value, Audit audit) {
    Names.require(key, "tag name");
    Objects.requireNonNull(value, "tag value");
    Objects.requireNonNull(audit, "audit");
    db.write(c -> {
      Model row = ModelRows.require(c, model);
      if (version != ModelRows.MODEL_TAGS) {
        ModelRows.requireVersion(c, row, version);
      }
      String before = ModelRows.tags(c, row, version).get(key);
      if (!value.equals(before)) {
        ModelRows.putTag(c, row, version, key, value);
        HistoryLog.append(c, row, new Change(RegistryAction.SET_TAG, versionOrNull(version), key, before, value),
            audit, clock.millis());
      }
      return null;
    });
  }

  private void removeTag(String model, int version, String key, Audit audit) {
    Objects.requireNonNull(audit, "audit");
    db.write(c -> {
      Model row = ModelRows.require(c, model);
      String before = ModelRows.tags(c, row, version).get(key);
      if (before == null) {
        throw new MetadataNotFoundException("model '" + model + "'"
            + (version == ModelRows.MODEL_TAGS ? "" : " version " + version) + " has no tag '" + key + "'");
      }
      ModelRows.deleteTag(c, row, version, key);
      HistoryLog.append(c, row, new Change(RegistryAction.REMOVE_TAG, versionOrNull(version), key, before, null),
          audit, clock.millis());
      return null;
    });
  }

  private static Integer versionOrNull(int version) {
    return version == ModelRows.MODEL_TAGS ? null : version;
  }

  private static void checkAlias(String alias) {
    Names.require(alias, "alias");
    if (alias.chars().allMatch(Character::isDigit)) {
      throw new MetadataException("alias '" + alias + "' is all digits and would read as a version number; "
          + "choose a name such as " + CHAMPION + " or " + CHALLENGER);
    }
  }
}
