package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.data.schema.FeatureKind;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaYaml;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import io.prodline.pipeline.run.StepState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SchemaGen, ImportSchemaGen and ExampleValidator on a small CSV, with both policies. */
class ValidationComponentsTest {
  private static final String HEAD = """
      name: validation
      steps:
        - name: gen
          component: ExampleGen
          config: {path: data.csv, eval_fraction: 0.5}
        - name: stats
          component: StatisticsGen
          inputs: {examples: gen.examples}
      """;

  @TempDir Path dir;
  private MetadataDatabase db;

  @BeforeEach
  void setUp() throws Exception {
    StringBuilder csv = new StringBuilder("x,colour\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(i % 2 == 0 ? "red" : "blue").append('\n');
    }
    Files.writeString(dir.resolve("data.csv"), csv);
    db = MetadataStores.open(null, dir.resolve("home"));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private RunResult run(String steps) throws Exception {
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), HEAD + steps);
    return new PipelineRunner(db.store(), db.registry(), dir.resolve("home"), RunOptions.defaults())
        .run(PipelineYaml.load(file, ComponentRegistry.discover()));
  }

  @Test
  void anInferredSchemaFitsItsOwnDataAndTheReportsAreWritten() throws Exception {
    RunResult r = run("""
          - name: schema
            component: SchemaGen
            inputs: {statistics: stats.statistics}
          - name: validate
            component: ExampleValidator
            inputs: {statistics: stats.statistics, schema: schema.schema}
        """);
    assertThat(r.succeeded()).as("%s", r).isTrue();
    Path schema = r.outcome("schema").orElseThrow().outputs().get("schema").path();
    assertThat(Files.readString(SchemaFolder.file(schema))).contains("colour").contains("red");
    Path anomalies = r.outcome("validate").orElseThrow().outputs().get("anomalies").path();
    assertThat(Files.readString(anomalies.resolve(ExampleValidator.ANOMALIES_FILE)))
        .contains("\"train\"").contains("\"eval\"").doesNotContain("\"error\"");
    assertThat(anomalies.resolve("train.html")).isNotEmptyFile();
    assertThat(anomalies.resolve("eval.html")).isNotEmptyFile();
  }

  @Test
  void anInt64ColumnListedAsCategoricalGetsADomainOfIntegers() throws Exception {
    StringBuilder csv = new StringBuilder("x,store\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i).append(',').append(new int[] {12, 3, 7}[i % 3]).append('\n');
    }
    Files.writeString(dir.resolve("data.csv"), csv);

    RunResult r = run("""
            config: {categorical: [store]}
          - name: schema
            component: SchemaGen
            inputs: {statistics: stats.statistics}
          - name: validate
            component: ExampleValidator
            inputs: {statistics: stats.statistics, schema: schema.schema}
        """);

    assertThat(r.succeeded()).as("%s", r).isTrue();
    Schema schema = SchemaYaml.read(SchemaFolder.file(r.outcome("schema").orElseThrow().outputs().get("schema")
        .path()));
    assertThat(schema.feature("store").orElseThrow().kind()).isEqualTo(FeatureKind.CATEGORICAL);
    assertThat(schema.feature("store").orElseThrow().domain()).containsExactly("3", "7", "12");
    assertThat(schema.feature("x").orElseThrow().kind()).isEqualTo(FeatureKind.NUMERIC);
  }

  @Test
  void aCuratedSchemaTheDataBreaksFailsUnderPolicyFailAndOnlyWarnsUnderPolicyWarn() throws Exception {
    RunResult inferred = run("""
          - name: schema
            component: SchemaGen
            inputs: {statistics: stats.statistics}
        """);
    String schema = Files.readString(SchemaFolder.file(inferred.outcome("schema").orElseThrow().outputs()
        .get("schema").path()));
    assertThat(schema).contains("- blue\n");
    Files.writeString(dir.resolve("schema.yaml"), "# curated: blue is not a colour we sell\n"
        + schema.replace("- blue\n", ""));
    String steps = """
          - name: schema
            component: ImportSchemaGen
            config: {schema_file: schema.yaml}
          - name: validate
            component: ExampleValidator
            inputs: {statistics: stats.statistics, schema: schema.schema}
            config: {policy: POLICY}
        """;
    RunResult failed = run(steps.replace("POLICY", "fail"));
    assertThat(failed.state("validate")).isEqualTo(StepState.FAILED);
    assertThat(failed.outcome("validate").orElseThrow().error()).contains("policy fail").contains("blue");

    RunResult warned = run(steps.replace("POLICY", "warn"));
    assertThat(warned.state("validate")).isEqualTo(StepState.COMPLETE);
    assertThat(Files.readString(warned.outcome("validate").orElseThrow().outputs().get("anomalies").path()
        .resolve(ExampleValidator.ANOMALIES_FILE))).contains("\"severity\" : \"error\"").contains("blue");
  }
}
