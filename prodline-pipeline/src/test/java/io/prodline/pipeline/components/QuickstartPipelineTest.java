package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.BundleReader;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.metadata.registry.Audit;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.registry.ModelVersion;
import io.prodline.pipeline.lineage.ModelLineage;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import io.prodline.pipeline.run.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example end to end with the real components: train, evaluate, serve-check, push, then re-run. */
class QuickstartPipelineTest {
  private static final Path EXAMPLE = Path.of("../examples/quickstart/pipeline.yaml");
  private static final Path DATA = Path.of("../examples/data/breast_cancer.csv");

  @TempDir Path home;

  @Test
  void runsPushesThenReRunsAllCachedAndTheLineageNamesTheDataFingerprint() {
    Pipeline pipeline = PipelineYaml.load(EXAMPLE, ComponentRegistry.discover());
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult first = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults()).run(pipeline);
      assertThat(first.succeeded()).as("%s", first).isTrue();
      assertThat(first.outcomes()).allMatch(o -> o.state() == StepState.COMPLETE);

      ModelVersion champion = db.registry().versionByAlias("breast_cancer", ModelRegistry.CHAMPION).orElseThrow();
      assertThat(champion.version()).isEqualTo(1);
      assertThat(Path.of(champion.uri())).isEqualTo(first.outcome("trainer").orElseThrow().outputs().get("model")
          .path());
      Path served = home.toAbsolutePath().resolve("models/breast_cancer/1");
      assertThat(BundleReader.read(served).manifest().version()).isEqualTo(1);
      assertThat(served.resolve("statistics.json")).exists();

      RunResult second = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults()).run(pipeline);
      assertThat(second.outcomes()).allMatch(o -> o.state() == StepState.CACHED);
      assertThat(db.registry().versions("breast_cancer")).hasSize(1);

      String tree = new ModelLineage(db.store(), db.registry()).tree("breast_cancer", 1);
      assertThat(tree)
          .contains("DataFile " + DATA.toAbsolutePath().normalize())
          .contains("sha256:" + ContentFingerprint.sha256(DATA))
          .contains("<- Trainer step trainer")
          .contains("statistics: Statistics")
          .contains("\"label\":\"diagnosis\"");
    }
  }

  @Test
  void theServingDirectoryHoldsTheChampionOnlyAndARollbackReprojectsIt() throws Exception {
    Path models = home.toAbsolutePath().resolve("models/breast_cancer");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      run(db, variant("v1.yaml", ""));
      assertThat(ServingDirectory.versionFolders(models)).containsExactly(models.resolve("1"));

      run(db, variant("v2.yaml", "\n      rounds: 20"));
      assertThat(ServingDirectory.versionFolders(models)).containsExactly(models.resolve("2"));
      assertThat(BundleReader.read(models.resolve("2")).manifest().version())
          .as("bundle.yaml says the registry's version").isEqualTo(2);

      db.registry().rollback("breast_cancer", ModelRegistry.CHAMPION, new Audit("test", "bad release"));
      ModelVersion served = ServingDirectory.of(db.registry(), "breast_cancer").orElseThrow()
          .project(db.registry(), "breast_cancer", ServingDirectory.servingAlias(db.registry(), "breast_cancer"));
      assertThat(served.version()).isEqualTo(1);
      assertThat(ServingDirectory.versionFolders(models)).containsExactly(models.resolve("1"));
      assertThat(BundleReader.read(models.resolve("1")).manifest().version()).isEqualTo(1);
    }
  }

  private Path variant(String name, String trainerConfig) throws Exception {
    Path yaml = home.resolve(name);
    Files.writeString(yaml, Files.readString(EXAMPLE).replace("../data/breast_cancer.csv",
        DATA.toAbsolutePath().normalize().toString()).replace("max_regression: 0.01", "max_regression: 1")
        .replace("model_name: breast_cancer", "model_name: breast_cancer" + trainerConfig));
    return yaml;
  }

  private void run(MetadataDatabase db, Path yaml) {
    RunResult r = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults())
        .run(PipelineYaml.load(yaml, ComponentRegistry.discover()));
    assertThat(r.succeeded()).as("%s", r).isTrue();
  }

  @Test
  void aModelOverItsLatencyBudgetIsNotBlessedByTheInfraValidatorNorPushed() throws Exception {
    Path yaml = home.resolve("budget.yaml");
    Files.writeString(yaml, Files.readString(EXAMPLE).replace("../data/breast_cancer.csv",
        DATA.toAbsolutePath().normalize().toString()).replace("    timeout: 2m",
        "    timeout: 2m\n    config: {latency_budget_ms: 0.001, memory_budget_mb: 4096}"));
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult result = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults())
          .run(PipelineYaml.load(yaml, ComponentRegistry.discover()));
      assertThat(result.succeeded()).isTrue();
      String verdict = Files.readString(result.outcome("infra_validator").orElseThrow().outputs()
          .get("infra_blessing").path().resolve(InfraValidator.RESULT_FILE));
      assertThat(verdict).contains("\"blessed\" : false").contains("p99_latency_ms").contains("model_heap_mb")
          .containsPattern("the p99 latency of 10 requests was [0-9.]+ ms, over the budget of 0.001 ms")
          .doesNotContain("MiB of heap, over");
      assertThat(db.registry().models()).isEmpty();
    }
  }

  @Test
  void anUnblessedModelIsNotPushed() throws Exception {
    Path yaml = home.resolve("strict.yaml");
    Files.writeString(yaml, Files.readString(EXAMPLE).replace("../data/breast_cancer.csv",
        DATA.toAbsolutePath().normalize().toString()).replace("lower_bound: 0.9", "lower_bound: 1.01"));
    Pipeline pipeline = PipelineYaml.load(yaml, ComponentRegistry.discover());
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult result = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults()).run(pipeline);
      assertThat(result.succeeded()).isTrue();
      Path pushed = result.outcome("pusher").orElseThrow().outputs().get("pushed").path();
      assertThat(Files.readString(pushed.resolve(Pusher.RESULT_FILE))).contains("\"pushed\" : false")
          .contains("did not bless");
      assertThat(db.registry().models()).isEmpty();
    }
  }
}
