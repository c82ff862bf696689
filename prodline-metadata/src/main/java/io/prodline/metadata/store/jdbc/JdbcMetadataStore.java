package io.prodline.metadata.store.jdbc;

import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.ArtifactSpec;
import io.prodline.metadata.store.ArtifactState;
import io.prodline.metadata.store.Association;
import io.prodline.metadata.store.Attribution;
import io.prodline.metadata.store.Context;
import io.prodline.metadata.store.ContextSpec;
import io.prodline.metadata.store.Event;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.ExecutionRecord;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.LineageGraph;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.metadata.store.MetadataType;
import io.prodline.metadata.store.Names;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.RecordedExecution;
import io.prodline.metadata.store.TypeKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link MetadataStore} on a {@link JdbcDatabase}: each call is one {@code read} or one {@code write} transaction. */
public final class JdbcMetadataStore implements MetadataStore {
  private final JdbcDatabase db;
  private final Clock clock;

  public JdbcMetadataStore(JdbcDatabase db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MetadataType putType(TypeKind kind, String name, Map<String, PropertyType> properties) {
    Objects.requireNonNull(kind, "kind");
    Map<String, PropertyType> declared = properties == null ? Map.of() : properties;
    return db.write(c -> TypeTable.put(c, kind, name, declared, now()));
  }

  @Override
  public Optional<MetadataType> type(TypeKind kind, String name) {
    return db.read(c -> TypeTable.find(c, kind, name));
  }

  @Override
  public Artifact putArtifact(ArtifactSpec spec) {
    return db.write(c -> ArtifactTable.insert(c, spec, now()));
  }

  @Override
  public Optional<Artifact> artifact(long id) {
    return db.read(c -> ArtifactTable.where(c, "a.id = ?", id).stream().findFirst());
  }

  @Override
  public List<Artifact> artifactsByFingerprint(String fingerprint) {
    Names.require(fingerprint, "fingerprint");
    return db.read(c -> ArtifactTable.where(c, "a.fingerprint = ? ORDER BY a.id", fingerprint));
  }

  @Override
  public Artifact updateArtifactState(long id, ArtifactState state) {
    Objects.requireNonNull(state, "state");
    return db.write(c -> ArtifactTable.updateState(c, id, state, now()));
  }

  @Override
  public Execution putExecution(ExecutionSpec spec) {
    return db.write(c -> ExecutionTable.insert(c, spec, now()));
  }

  @Override
  public Optional<Execution> execution(long id) {
    return db.read(c -> ExecutionTable.where(c, "x.id = ?", id).stream().findFirst());
  }

  @Override
  public Execution updateExecutionState(long id, ExecutionState state) {
    Objects.requireNonNull(state, "state");
    return db.write(c -> ExecutionTable.updateState(c, id, state, now()));
  }

  @Override
  public Optional<Execution> latestCompleteExecution(String cacheKey) {
    Names.require(cacheKey, "cache key");
    return db.read(c -> ExecutionTable.where(c, "x.cache_key = ? AND x.state = ? "
        + "ORDER BY x.create_time DESC, x.id DESC LIMIT 1", cacheKey, ExecutionState.COMPLETE.name())
        .stream().findFirst());
  }

  @Override
  public Context putContext(ContextSpec spec) {
    return db.write(c -> ContextTable.insert(c, spec, now()));
  }

  @Override
  public Optional<Context> context(long id) {
    return db.read(c -> ContextTable.where(c, "k.id = ?", id).stream().findFirst());
  }

  @Override
  public Optional<Context> context(String type, String name) {
    return db.read(c -> ContextTable.where(c, "t.kind = ? AND t.name = ? AND k.name = ?", TypeKind.CONTEXT.name(),
        type, name).stream().findFirst());
  }

  @Override
  public void putAttribution(Attribution attribution) {
    db.write(c -> {
      ArtifactTable.require(c, attribution.artifactId());
      ContextTable.require(c, attribution.contextId());
      EventTable.attribute(c, attribution.artifactId(), attribution.contextId());
      return null;
    });
  }

  @Override
  public void putAssociation(Association association) {
    db.write(c -> {
      ExecutionTable.require(c, association.executionId());
      ContextTable.require(c, association.contextId());
      EventTable.associate(c, association.executionId(), association.contextId());
      return null;
    });
  }

  @Override
  public List<Artifact> artifactsInContext(long contextId) {
    return db.read(c -> ArtifactTable.where(c,
        "a.id IN (SELECT artifact_id FROM attribution WHERE context_id = ?) ORDER BY a.id", contextId));
  }

  @Override
  public List<Execution> executionsInContext(long contextId) {
    return db.read(c -> ExecutionTable.where(c,
        "x.id IN (SELECT execution_id FROM association WHERE context_id = ?) ORDER BY x.id", contextId));
  }

  @Override
  public boolean leaseCacheKey(String cacheKey, String owner, Duration ttl) {
    Names.require(cacheKey, "cache key");
    Names.require(owner, "lease owner");
    return db.write(c -> {
      long now = now();
      long expires = now + ttl.toMillis();
      return Statements.update(c, "INSERT INTO cache_key_lease (cache_key, owner, expire_time) VALUES (?, ?, ?) "
          + "ON CONFLICT DO NOTHING", cacheKey, owner, expires) == 1
          || Statements.update(c, "UPDATE cache_key_lease SET owner = ?, expire_time = ? WHERE cache_key = ? "
          + "AND (owner = ? OR expire_time < ?)", owner, expires, cacheKey, owner, now) == 1;
    });
  }

  @Override
  public void releaseCacheKey(String cacheKey, String owner) {
    db.write(c -> Statements.update(c, "DELETE FROM cache_key_lease WHERE cache_key = ? AND owner = ?", cacheKey,
        owner));
  }

  @Override
  public Map<String, Execution> latestExecutionsInContext(long contextId, String property,
      Collection<String> values) {
    Names.require(property, "property name");
    return db.read(c -> {
      Map<String, Execution> latest = new LinkedHashMap<>();
      for (String value : values) {
        ExecutionTable.where(c, "x.id = (SELECT p.execution_id FROM execution_property p WHERE p.name = ? "
            + "AND p.string_value = ? AND EXISTS (SELECT 1 FROM association a WHERE a.execution_id = p.execution_id "
            + "AND a.context_id = ?) ORDER BY p.execution_id DESC LIMIT 1)", property, value, contextId)
            .forEach(x -> latest.put(value, x));
      }
      return latest;
    });
  }

  @Override
  public List<Context> contextsOfArtifact(long artifactId) {
    return db.read(c -> ContextTable.where(c,
        "k.id IN (SELECT context_id FROM attribution WHERE artifact_id = ?) ORDER BY k.id", artifactId));
  }

  @Override
  public List<Context> contextsOfExecution(long executionId) {
    return db.read(c -> ContextTable.where(c,
        "k.id IN (SELECT context_id FROM association WHERE execution_id = ?) ORDER BY k.id", executionId));
  }

  @Override
  public List<Event> eventsByArtifact(long artifactId) {
    return db.read(c -> EventTable.where(c, "artifact_id = ?", artifactId));
  }

  @Override
  public List<Event> eventsByExecution(long executionId) {
    return db.read(c -> EventTable.where(c, "execution_id = ?", executionId));
  }

  @Override
  public RecordedExecution recordExecution(ExecutionRecord record) {
    Objects.requireNonNull(record, "record");
    return db.write(c -> ExecutionRecorder.record(c, record, now()));
  }

  @Override
  public LineageGraph upstream(long artifactId, int maxHops) {
    return db.read(c -> LineageQuery.walk(c, artifactId, maxHops, LineageQuery.Direction.UPSTREAM));
  }

  @Override
  public LineageGraph downstream(long artifactId, int maxHops) {
    return db.read(c -> LineageQuery.walk(c, artifactId, maxHops, LineageQuery.Direction.DOWNSTREAM));
  }

  private long now() {
    return clock.millis();
  }
}
