package io.prodline.metadata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.testing.Backend;
import io.prodline.metadata.testing.SteppingClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class MetadataStoreTest {
  static final String SHA_A = "a".repeat(64);
  static final String SHA_B = "b".repeat(64);

  @Parameter
  Backend backend;

  @TempDir
  Path dir;

  Backend.TestDatabase testDb;
  MetadataDatabase db;
  MetadataStore store;
  final SteppingClock clock = new SteppingClock(1_000_000);

  @BeforeEach
  void open() {
    testDb = backend.create(dir);
    db = testDb.open(clock);
    store = db.store();
    store.putType(TypeKind.ARTIFACT, "Examples", Map.of("rows", PropertyType.INT, "split", PropertyType.STRING));
    store.putType(TypeKind.ARTIFACT, "Model", Map.of("auc", PropertyType.DOUBLE, "blessed", PropertyType.BOOLEAN));
    store.putType(TypeKind.EXECUTION, "Trainer", Map.of("component_version", PropertyType.STRING));
    store.putType(TypeKind.CONTEXT, "run", Map.of("attempt", PropertyType.INT));
    store.putType(TypeKind.CONTEXT, "pipeline", Map.of());
  }

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  @Test
  void typesRoundTripAndGrowByNewProperties() {
    MetadataType model = store.type(TypeKind.ARTIFACT, "Model").orElseThrow();
    assertThat(model.properties()).containsExactlyInAnyOrderEntriesOf(
        Map.of("auc", PropertyType.DOUBLE, "blessed", PropertyType.BOOLEAN));

    MetadataType grown = store.putType(TypeKind.ARTIFACT, "Model", Map.of("framework", PropertyType.STRING));
    assertThat(grown.id()).isEqualTo(model.id());
    assertThat(store.type(TypeKind.ARTIFACT, "Model").orElseThrow().properties()).containsOnlyKeys(
        "auc", "blessed", "framework");
    assertThat(store.type(TypeKind.EXECUTION, "Model")).isEmpty();

    assertThatThrownBy(() -> store.putType(TypeKind.ARTIFACT, "Model", Map.of("auc", PropertyType.STRING)))
        .isInstanceOf(MetadataConflictException.class).hasMessageContaining("'auc'").hasMessageContaining("DOUBLE");
  }

  @Test
  void artifactRoundTripsWithEveryPropertyType() {
    store.putType(TypeKind.ARTIFACT, "Model", Map.of("epochs", PropertyType.INT, "name", PropertyType.STRING));
    Map<String, PropertyValue> properties = Map.of("auc", PropertyValue.of(0.91), "blessed", PropertyValue.of(true),
        "epochs", PropertyValue.of(12L), "name", PropertyValue.of("churn"));
    Artifact stored = store.putArtifact(new ArtifactSpec("Model", "file:/m/1", ArtifactState.PENDING, SHA_A,
        properties));

    Artifact read = store.artifact(stored.id()).orElseThrow();
    assertThat(read).isEqualTo(stored);
    assertThat(read.properties()).isEqualTo(properties);
    assertThat(read.createTime()).isEqualTo(Instant.ofEpochMilli(1_000_000));

    clock.advance(5);
    Artifact live = store.updateArtifactState(stored.id(), ArtifactState.LIVE);
    assertThat(live.state()).isEqualTo(ArtifactState.LIVE);
    assertThat(live.updateTime()).isEqualTo(Instant.ofEpochMilli(1_000_005));
    assertThat(live.createTime()).isEqualTo(stored.createTime());
    assertThat(store.artifact(424242)).isEmpty();
  }

  @Test
  void artifactsAreFoundByFingerprintWhereverTheyLive() {
    Artifact first = store.putArtifact(ArtifactSpec.live("Examples", "file:/data/a.csv", SHA_A));
    Artifact copy = store.putArtifact(ArtifactSpec.live("Examples", "s3://bucket/a.csv", SHA_A));
    store.putArtifact(ArtifactSpec.live("Examples", "file:/data/b.csv", SHA_B));

    assertThat(store.artifactsByFingerprint(SHA_A)).containsExactly(first, copy);
  }

  @Test
  void propertiesAreCheckedAgainstTheirType() {
    assertThatThrownBy(() -> store.putArtifact(new ArtifactSpec("Examples", "file:/x", ArtifactState.LIVE, null,
        Map.of("rowz", PropertyValue.of(3L)))))
        .isInstanceOf(MetadataException.class).hasMessageContaining("'rowz'").hasMessageContaining("Examples");
    assertThatThrownBy(() -> store.putArtifact(new ArtifactSpec("Examples", "file:/x", ArtifactState.LIVE, null,
        Map.of("rows", PropertyValue.of("three")))))
        .isInstanceOf(MetadataException.class).hasMessageContaining("'rows' is STRING").hasMessageContaining("INT");
    assertThatThrownBy(() -> store.putArtifact(ArtifactSpec.live("Dataset", "file:/x", null)))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("artifact type 'Dataset'")
        .hasMessageContaining("putType");
  }

  @Test
  void executionRoundTripsAndMovesOnlyAlongItsLifecycle() {
    Execution stored = store.putExecution(new ExecutionSpec("Trainer", ExecutionState.NEW, "key-1",
        Map.of("component_version", PropertyValue.of("1.2"))));
    assertThat(store.execution(stored.id())).contains(stored);

    assertThat(store.updateExecutionState(stored.id(), ExecutionState.RUNNING).state())
        .isEqualTo(ExecutionState.RUNNING);
    assertThat(store.updateExecutionState(stored.id(), ExecutionState.COMPLETE).state())
        .isEqualTo(ExecutionState.COMPLETE);
    assertThatThrownBy(() -> store.updateExecutionState(stored.id(), ExecutionState.RUNNING))
        .isInstanceOf(MetadataException.class).hasMessageContaining("from COMPLETE to RUNNING");
    assertThatThrownBy(() -> store.updateExecutionState(999, ExecutionState.RUNNING))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("execution 999");
  }

  @Test
  void contextsRoundTripAndNamesAreUniquePerType() {
    Context run = store.putContext(new ContextSpec("run", "r1", Map.of("attempt", PropertyValue.of(2L))));
    assertThat(store.context(run.id())).contains(run);
    assertThat(store.context("run", "r1")).contains(run);
    assertThat(store.context("pipeline", "r1")).isEmpty();

    Context pipeline = store.putContext(ContextSpec.of("pipeline", "r1"));
    assertThat(pipeline.id()).isNotEqualTo(run.id());
    assertThatThrownBy(() -> store.putContext(ContextSpec.of("run", "r1")))
        .isInstanceOf(MetadataConflictException.class).hasMessageContaining("run 'r1' already exists")
        .hasMessageContaining("ContextRef.existing(" + run.id() + ")");
  }

  @Test
  void eventsAttributionsAndAssociationsRoundTrip() {
    Context run = store.putContext(ContextSpec.of("run", "r1"));
    Artifact data = store.putArtifact(ArtifactSpec.live("Examples", "file:/data.csv", SHA_A));
    RecordedExecution recorded = store.recordExecution(new ExecutionRecord(
        ExecutionSpec.of("Trainer", ExecutionState.COMPLETE, "k"),
        List.of(new ArtifactBinding("examples", 1, ArtifactRef.existing(data.id()))),
        List.of(ArtifactBinding.of("model", ArtifactRef.create(ArtifactSpec.live("Model", "file:/m", SHA_B)))),
        List.of(ContextRef.existing(run.id()))));
    long execution = recorded.execution().id();
    Artifact model = recorded.outputs().get(0);

    assertThat(store.eventsByExecution(execution)).extracting(Event::artifactId, Event::type, Event::key, Event::index)
        .containsExactly(tuple(data.id(), EventType.INPUT, "examples", 1),
            tuple(model.id(), EventType.OUTPUT, "model", 0));
    assertThat(store.eventsByArtifact(model.id())).containsExactly(recorded.events().get(1));
    assertThat(store.artifactsInContext(run.id())).containsExactly(data, model);
    assertThat(store.executionsInContext(run.id())).containsExactly(recorded.execution());
    assertThat(store.contextsOfArtifact(model.id())).containsExactly(run);
    assertThat(store.contextsOfExecution(execution)).containsExactly(run);

    Context other = store.putContext(ContextSpec.of("pipeline", "p"));
    store.putAttribution(new Attribution(model.id(), other.id()));
    store.putAttribution(new Attribution(model.id(), other.id()));
    store.putAssociation(new Association(execution, other.id()));
    assertThat(store.contextsOfArtifact(model.id())).containsExactly(run, other);
    assertThat(store.executionsInContext(other.id())).containsExactly(recorded.execution());
    assertThatThrownBy(() -> store.putAttribution(new Attribution(777, other.id())))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("artifact 777");
  }

  @Test
  void latestExecutionsInContextGivesTheNewestPerStepOfThatContextOnly() {
    store.putType(TypeKind.EXECUTION, "Trainer", Map.of("step", PropertyType.STRING));
    Context mine = store.putContext(ContextSpec.of("pipeline", "mine"));
    Context theirs = store.putContext(ContextSpec.of("pipeline", "theirs"));
    Execution oldTrain = step(mine, "train", ExecutionState.FAILED);
    Execution gen = step(mine, "gen", ExecutionState.COMPLETE);
    Execution newTrain = step(mine, "train", ExecutionState.COMPLETE);
    step(theirs, "train", ExecutionState.FAILED);
    step(theirs, "gen", ExecutionState.FAILED);

    Map<String, Execution> latest = store.latestExecutionsInContext(mine.id(), "step",
        List.of("gen", "train", "never"));

    assertThat(latest).containsOnlyKeys("gen", "train");
    assertThat(latest.get("train").id()).isEqualTo(newTrain.id()).isNotEqualTo(oldTrain.id());
    assertThat(latest.get("gen").id()).isEqualTo(gen.id());
    assertThat(latest.get("gen").properties()).containsEntry("step", PropertyValue.of("gen"));
  }

  @Test
  void aCacheKeyLeaseIsHeldByOneOwnerUntilReleasedOrLapsed() {
    java.time.Duration ttl = java.time.Duration.ofSeconds(30);
    assertThat(store.leaseCacheKey("k", "a", ttl)).isTrue();
    assertThat(store.leaseCacheKey("k", "b", ttl)).as("held by a").isFalse();
    assertThat(store.leaseCacheKey("k", "a", ttl)).as("a renews").isTrue();
    assertThat(store.leaseCacheKey("other", "b", ttl)).as("another key").isTrue();

    store.releaseCacheKey("k", "b");
    assertThat(store.leaseCacheKey("k", "b", ttl)).as("b cannot release a's lease").isFalse();
    store.releaseCacheKey("k", "a");
    assertThat(store.leaseCacheKey("k", "b", ttl)).as("released").isTrue();

    clock.advance(ttl.plusSeconds(1).toMillis());
    assertThat(store.leaseCacheKey("k", "c", ttl)).as("b's lease lapsed").isTrue();
  }

  private Execution step(Context context, String step, ExecutionState state) {
    return store.recordExecution(new ExecutionRecord(new ExecutionSpec("Trainer", state, null,
        Map.of("step", PropertyValue.of(step))), List.of(), List.of(), List.of(ContextRef.existing(context.id()))))
        .execution();
  }

  @Test
  void recordExecutionRollsBackEverythingWhenOnePartFails() {
    store.putContext(ContextSpec.of("run", "taken"));
    ExecutionRecord record = new ExecutionRecord(ExecutionSpec.of("Trainer", ExecutionState.COMPLETE, "k"),
        List.of(ArtifactBinding.of("examples", ArtifactRef.create(ArtifactSpec.live("Examples", "file:/in", SHA_A)))),
        List.of(ArtifactBinding.of("model", ArtifactRef.create(ArtifactSpec.live("Model", "file:/out", SHA_B)))),
        List.of(ContextRef.create(ContextSpec.of("pipeline", "fresh")), ContextRef.create(ContextSpec.of("run",
            "taken"))));

    assertThatThrownBy(() -> store.recordExecution(record)).isInstanceOf(MetadataConflictException.class)
        .hasMessageContaining("'taken'");

    assertThat(store.artifactsByFingerprint(SHA_A)).isEmpty();
    assertThat(store.artifactsByFingerprint(SHA_B)).isEmpty();
    assertThat(store.latestCompleteExecution("k")).isEmpty();
    assertThat(store.context("pipeline", "fresh")).isEmpty();
    assertThat(store.execution(1)).isEmpty();
  }

  @Test
  void cacheLookupReturnsTheNewestCompleteExecutionOnly() {
    Execution older = putAt(1_000, ExecutionState.COMPLETE, "key");
    Execution newest = putAt(3_000, ExecutionState.COMPLETE, "key");
    putAt(2_000, ExecutionState.COMPLETE, "key"); // stored later, but older by its time
    putAt(4_000, ExecutionState.FAILED, "key");
    putAt(5_000, ExecutionState.RUNNING, "key");
    putAt(6_000, ExecutionState.CACHED, "key");
    putAt(7_000, ExecutionState.COMPLETE, "other-key");

    assertThat(store.latestCompleteExecution("key")).contains(newest);
    assertThat(older.id()).isLessThan(newest.id());
    assertThat(store.latestCompleteExecution("missing")).isEmpty();
  }

  @Test
  void reopeningMigratesNothingAndKeepsEverything() throws Exception {
    Artifact data = store.putArtifact(ArtifactSpec.live("Examples", "file:/data.csv", SHA_A));
    db.close();

    db = testDb.open(clock);
    store = db.store();
    assertThat(store.artifact(data.id())).contains(data);
    db.close();
    db = testDb.open(clock);

    try (Connection c = DriverManager.getConnection(testDb.url());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        assertThat(rs.getString(1)).isEqualTo(String.valueOf(rows));
        assertThat(rs.getBoolean(2)).isTrue();
      }
      assertThat(rows).as("one row per migration, applied once").isEqualTo(3);
    }
  }

  private Execution putAt(long millis, ExecutionState state, String key) {
    clock.set(millis);
    return store.putExecution(ExecutionSpec.of("Trainer", state, key));
  }
}
