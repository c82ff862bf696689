package io.prodline.metadata.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.store.ExecutionSpec;
import io.prodline.metadata.store.ExecutionState;
import io.prodline.metadata.store.MetadataConflictException;
import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.MetadataNotFoundException;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.TypeKind;
import io.prodline.metadata.testing.Backend;
import io.prodline.metadata.testing.SteppingClock;
import java.nio.file.Path;
import java.time.Instant;
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
class ModelRegistryTest {
  static final Audit ANN = new Audit("ann", "better AUC on the holdout");
  static final Audit BOB = new Audit("bob", "v3 misbehaves in production");

  @Parameter
  Backend backend;

  @TempDir
  Path dir;

  Backend.TestDatabase testDb;
  MetadataDatabase db;
  ModelRegistry registry;
  final SteppingClock clock = new SteppingClock(10_000);

  @BeforeEach
  void open() {
    testDb = backend.create(dir);
    db = testDb.open(clock);
    registry = db.registry();
  }

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  static NewModelVersion bundle(char digit) {
    return new NewModelVersion(String.valueOf(digit).repeat(64), "file:/models/churn/" + digit, "run-" + digit, null,
        "{\"roc_auc\": 0.9" + digit + "}");
  }

  @Test
  void versionsAreNumberedPerModelAndReadBackUnchanged() {
    db.store().putType(TypeKind.EXECUTION, "Trainer", Map.of("v", PropertyType.STRING));
    long trainer = db.store().putExecution(ExecutionSpec.of("Trainer", ExecutionState.COMPLETE, null)).id();
    NewModelVersion withSource = new NewModelVersion("1".repeat(64), "file:/m/1", "run-1", trainer, null);

    ModelVersion v1 = registry.registerVersion("churn", withSource, ANN);
    ModelVersion v2 = registry.registerVersion("churn", bundle('2'), ANN);
    ModelVersion other = registry.registerVersion("fraud", bundle('3'), ANN);

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.sourceExecutionId()).isEqualTo(trainer);
    assertThat(v1.metricsJson()).isEqualTo("{}");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(other.version()).isEqualTo(1);
    assertThat(registry.versions("churn")).containsExactly(v1, v2);
    assertThat(registry.version("churn", 2)).contains(v2);
    assertThat(registry.version("churn", 9)).isEmpty();
    assertThat(registry.models()).extracting(RegisteredModel::name, RegisteredModel::latestVersion)
        .containsExactly(tuple("churn", 2), tuple("fraud", 1));
    assertThat(v2.createTime()).isEqualTo(Instant.ofEpochMilli(10_000));
  }

  @Test
  void badVersionsAndNamesFailNamingTheProblem() {
    assertThatThrownBy(() -> new NewModelVersion("abc", "file:/m", null, null, null))
        .isInstanceOf(MetadataException.class).hasMessageContaining("SHA-256");
    assertThatThrownBy(() -> new NewModelVersion("1".repeat(64), "file:/m", null, null, "[1, 2]"))
        .isInstanceOf(MetadataException.class).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> registry.registerVersion("churn", new NewModelVersion("1".repeat(64), "file:/m", null,
        404L, null), ANN)).isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("source execution 404");
    assertThat(registry.model("churn")).as("the failed registration left nothing").isEmpty();

    registry.registerVersion("churn", bundle('1'), ANN);
    assertThatThrownBy(() -> registry.setAlias("churn", "2", 1, ANN)).hasMessageContaining("all digits");
    assertThatThrownBy(() -> registry.setAlias("churn", "champion", 5, ANN))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("no version 5");
    assertThatThrownBy(() -> registry.setAlias("nope", "champion", 1, ANN))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("model 'nope'");
    assertThatThrownBy(() -> registry.createModel("churn", "", ANN)).isInstanceOf(MetadataConflictException.class);
    assertThatThrownBy(() -> new Audit(" ", "why")).hasMessageContaining("actor");
  }

  @Test
  void aliasesMovePromoteAndRollBackThroughHistory() {
    for (char c = '1'; c <= '3'; c++) {
      registry.registerVersion("churn", bundle(c), ANN);
    }
    registry.promote("churn", 1, ANN);
    registry.promote("churn", 2, ANN);
    registry.promote("churn", 3, ANN);
    registry.setAlias("churn", ModelRegistry.CHALLENGER, 1, ANN);

    assertThat(registry.versionByAlias("churn", "champion").orElseThrow().version()).isEqualTo(3);
    assertThat(registry.model("churn").orElseThrow().aliases()).containsExactlyInAnyOrderEntriesOf(
        Map.of("champion", 3, "challenger", 1));

    assertThat(registry.rollback("churn", "champion", BOB).version()).isEqualTo(2);
    assertThat(registry.rollback("churn", "champion", BOB).version()).isEqualTo(1);
    assertThatThrownBy(() -> registry.rollback("churn", "champion", BOB)).isInstanceOf(MetadataException.class)
        .hasMessageContaining("no earlier version").hasMessageContaining("points at version 1");
    assertThat(registry.versionByAlias("churn", "champion").orElseThrow().version()).isEqualTo(1);
    assertThat(registry.versionByAlias("churn", "challenger").orElseThrow().version()).isEqualTo(1);

    registry.removeAlias("churn", "challenger", BOB);
    assertThat(registry.versionByAlias("churn", "challenger")).isEmpty();
    assertThatThrownBy(() -> registry.removeAlias("churn", "challenger", BOB))
        .isInstanceOf(MetadataNotFoundException.class).hasMessageContaining("no alias 'challenger'");
  }

  @Test
  void everyChangeIsInTheHistoryWithWhoWhenAndWhy() {
    registry.registerVersion("churn", bundle('1'), ANN);
    clock.advance(1);
    registry.registerVersion("churn", bundle('2'), ANN);
    registry.promote("churn", 1, ANN);
    registry.promote("churn", 1, ANN); // no change, no entry
    clock.advance(1);
    registry.promote("churn", 2, ANN);
    registry.rollback("churn", "champion", BOB);
    registry.setModelTag("churn", "team", "growth", ANN);
    registry.setVersionTag("churn", 2, "status", "bad", BOB);
    registry.removeVersionTag("churn", 2, "status", BOB);
    registry.removeAlias("churn", "champion", BOB);

    assertThat(registry.history("churn"))
        .extracting(HistoryEntry::action, HistoryEntry::version, HistoryEntry::subject, HistoryEntry::oldValue,
            HistoryEntry::newValue, HistoryEntry::actor)
        .containsExactly(
            tuple(RegistryAction.CREATE_MODEL, null, null, null, null, "ann"),
            tuple(RegistryAction.REGISTER_VERSION, 1, null, null, "1".repeat(64), "ann"),
            tuple(RegistryAction.REGISTER_VERSION, 2, null, null, "2".repeat(64), "ann"),
            tuple(RegistryAction.SET_ALIAS, 1, "champion", null, "1", "ann"),
            tuple(RegistryAction.SET_ALIAS, 2, "champion", "1", "2", "ann"),
            tuple(RegistryAction.ROLLBACK_ALIAS, 1, "champion", "2", "1", "bob"),
            tuple(RegistryAction.SET_TAG, null, "team", null, "growth", "ann"),
            tuple(RegistryAction.SET_TAG, 2, "status", null, "bad", "bob"),
            tuple(RegistryAction.REMOVE_TAG, 2, "status", "bad", null, "bob"),
            tuple(RegistryAction.REMOVE_ALIAS, 1, "champion", "1", null, "bob"));
    HistoryEntry rollback = registry.history("churn").get(5);
    assertThat(rollback.reason()).isEqualTo("v3 misbehaves in production");
    assertThat(rollback.time()).isEqualTo(Instant.ofEpochMilli(10_002));
  }

  @Test
  void tagsAreKeptOnModelsAndVersions() {
    registry.createModel("churn", "predicts who leaves", ANN);
    registry.registerVersion("churn", bundle('1'), ANN);
    registry.setModelTag("churn", "team", "growth", ANN);
    registry.setVersionTag("churn", 1, "validated", "yes", ANN);

    RegisteredModel model = registry.model("churn").orElseThrow();
    assertThat(model.description()).isEqualTo("predicts who leaves");
    assertThat(model.tags()).containsExactlyEntriesOf(Map.of("team", "growth"));
    assertThat(registry.version("churn", 1).orElseThrow().tags()).containsExactlyEntriesOf(Map.of("validated", "yes"));

    registry.removeModelTag("churn", "team", ANN);
    assertThat(registry.model("churn").orElseThrow().tags()).isEmpty();
    assertThatThrownBy(() -> registry.setVersionTag("churn", 4, "k", "v", ANN)).hasMessageContaining("no version 4");
  }
}
