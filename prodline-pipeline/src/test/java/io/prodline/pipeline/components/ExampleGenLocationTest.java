package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.metadata.store.Artifact;
import io.prodline.metadata.store.EventType;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineDefinitionException;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import io.prodline.pipeline.run.StepOutcome;
import io.prodline.pipeline.run.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ExampleGen over locations DataSources opens: spans in a directory, JSON lines, a SQL query. */
class ExampleGenLocationTest {
  @TempDir Path dir;

  @Test
  void aDirectoryOfTwoCsvSpansIsReadWholeWithEachSpanInTheCacheKeyAndLineage() throws Exception {
    Path spans = Files.createDirectories(dir.resolve("spans"));
    Files.writeString(spans.resolve("span-1.csv"), csv(0, 30));
    Files.writeString(spans.resolve("span-2.csv"), csv(30, 50));
    Files.writeString(spans.resolve("_SUCCESS"), "");
    Pipeline pipeline = load("{location: spans}");
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult first = run(db, home, pipeline);
      assertThat(first.succeeded()).as("%s", first).isTrue();
      StepOutcome gen = first.outcome("gen").orElseThrow();
      assertThat(rows(gen)).isEqualTo(50);
      assertThat(dataInputs(db, gen)).isEqualTo(Map.of(
          spans.resolve("span-1.csv").toString(), ContentFingerprint.sha256(spans.resolve("span-1.csv")),
          spans.resolve("span-2.csv").toString(), ContentFingerprint.sha256(spans.resolve("span-2.csv"))));

      assertThat(run(db, home, pipeline).outcome("gen").orElseThrow().state()).isEqualTo(StepState.CACHED);

      Files.writeString(spans.resolve("span-2.csv"), csv(30, 60));
      RunResult changed = run(db, home, pipeline);
      assertThat(changed.outcome("gen").orElseThrow().state()).isEqualTo(StepState.COMPLETE);
      assertThat(rows(changed.outcome("gen").orElseThrow())).isEqualTo(60);

      Files.writeString(spans.resolve("span-3.csv"), csv(60, 70));
      RunResult added = run(db, home, pipeline);
      assertThat(added.outcome("gen").orElseThrow().state()).isEqualTo(StepState.COMPLETE);
      assertThat(rows(added.outcome("gen").orElseThrow())).isEqualTo(70);
    }
  }

  @Test
  void aJsonLinesFileIsReadWithItsTypes() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      lines.append("{\"id\": ").append(i).append(", \"x\": ").append(i * 0.5).append(", \"city\": \"")
          .append(i % 2 == 0 ? "a" : "b").append("\"}\n");
    }
    Files.writeString(dir.resolve("rows.jsonl"), lines);
    Pipeline pipeline = load("{location: rows.jsonl, split_key: id}");
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult r = run(db, home, pipeline);
      assertThat(r.succeeded()).as("%s", r).isTrue();
      StepOutcome gen = r.outcome("gen").orElseThrow();
      Path examples = gen.outputs().get("examples").path();
      Frame train = ExamplesFolder.read(examples, ExamplesFolder.TRAIN);
      assertThat(train.names()).containsExactly("id", "x", "city");
      assertThat(train.type(1).toString().toLowerCase()).contains("float");
      assertThat(rows(gen)).isEqualTo(40);
      assertThat(dataInputs(db, gen)).containsOnlyKeys(dir.resolve("rows.jsonl").toString());
    }
  }

  @Test
  void aJdbcQuerysRowsAreFingerprintedSoChangedRowsReRunAndTheQueryIsInLineage() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("data.db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("create table t (id integer, x real)");
      for (int i = 0; i < 20; i++) {
        s.execute("insert into t values (" + i + ", " + (i * 1.5) + ")");
      }
    }
    Pipeline pipeline = load("{location: '" + url + "', query: 'select id, x from t order by id'}");
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      StepOutcome first = run(db, home, pipeline).outcome("gen").orElseThrow();
      assertThat(first.state()).as("%s", first).isEqualTo(StepState.COMPLETE);
      assertThat(rows(first)).isEqualTo(20);
      assertThat(dataInputs(db, first).keySet()).singleElement().asString()
          .isEqualTo(url + " query: select id, x from t order by id");
      assertThat(run(db, home, pipeline).outcome("gen").orElseThrow().state()).isEqualTo(StepState.CACHED);
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("update t set x = 99 where id = 3");
      }
      assertThat(run(db, home, pipeline).outcome("gen").orElseThrow().state()).isEqualTo(StepState.COMPLETE);
    }
  }

  @Test
  void loadingRejectsBothOrNeitherOfPathAndLocationAndAMissingLocation() throws Exception {
    Files.writeString(dir.resolve("d.csv"), csv(0, 5));
    assertThatThrownBy(() -> load("{path: d.csv, location: d.csv}")).isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("give either 'path' or 'location', not both");
    assertThatThrownBy(() -> load("{seed: 1}")).hasMessageContaining("needs setting 'location'");
    assertThatThrownBy(() -> load("{location: nowhere}")).hasMessageContaining("no such file or directory");
    assertThatThrownBy(() -> load("{location: 'jdbc:sqlite:x.db'}")).hasMessageContaining("needs setting 'query'");
  }

  private static String csv(int from, int to) {
    StringBuilder s = new StringBuilder("id,x,label\n");
    for (int i = from; i < to; i++) {
      s.append(i).append(',').append(i * 0.25).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
    }
    return s.toString();
  }

  private Pipeline load(String config) throws Exception {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, "name: gen_demo\nsteps:\n  - name: gen\n    component: ExampleGen\n    config: " + config
        + "\n");
    return PipelineYaml.load(file, ComponentRegistry.discover());
  }

  private static RunResult run(MetadataDatabase db, Path home, Pipeline pipeline) {
    return new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults()).run(pipeline);
  }

  private static int rows(StepOutcome gen) {
    Path examples = gen.outputs().get("examples").path();
    try {
      return ExamplesFolder.read(examples, ExamplesFolder.TRAIN).rowCount()
          + ExamplesFolder.read(examples, ExamplesFolder.EVAL).rowCount();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The DataFile inputs of the step's execution: uri → fingerprint. */
  private static Map<String, String> dataInputs(MetadataDatabase db, StepOutcome outcome) {
    Map<String, String> out = new TreeMap<>();
    db.store().eventsByExecution(outcome.executionId()).stream().filter(e -> e.type() == EventType.INPUT)
        .map(e -> db.store().artifact(e.artifactId()).orElseThrow()).filter(a -> a.type().equals("DataFile"))
        .forEach((Artifact a) -> out.put(a.uri(), a.fingerprint()));
    return out;
  }

}
