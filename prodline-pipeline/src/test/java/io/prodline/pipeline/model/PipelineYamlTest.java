package io.prodline.pipeline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineYamlTest {
  private static final ComponentRegistry COMPONENTS = ComponentRegistry.discover();

  @TempDir Path dir;

  private PipelineDefinitionException fails(String yaml) throws IOException {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    Files.writeString(dir.resolve("data.csv"), "a,label\n1,x\n");
    return (PipelineDefinitionException) org.assertj.core.api.Assertions.catchThrowable(
        () -> PipelineYaml.load(file, COMPONENTS));
  }

  @Test
  void theQuickstartLoadsInDependencyOrder() {
    Pipeline p = PipelineYaml.load(Path.of("../examples/quickstart/pipeline.yaml"), COMPONENTS);
    assertThat(p.name()).isEqualTo("quickstart");
    assertThat(p.steps()).extracting(Step::name).containsExactly("example_gen", "statistics_gen", "schema_gen",
        "example_validator", "trainer",
        "evaluator", "infra_validator", "pusher");
    assertThat(p.step("trainer").orElseThrow().config().integer("rounds")).isEqualTo(100);
  }

  @Test
  void unknownKeysAreReportedAtTheirLine() throws IOException {
    PipelineDefinitionException e = fails("""
        name: p
        steps:
          - name: gen
            component: ExampleGen
            config:
              path: data.csv
              eval_fractoin: 0.3
            retrys: 2
        """);
    assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "pipeline.yaml:7:7: step 'gen': ExampleGen has no setting 'eval_fractoin'; its settings are "
            + "[path, location, query, eval_fraction, split_key, seed]",
        "pipeline.yaml:8:5: unknown key 'retrys' in a step; known keys are [cache_version, component, config, "
            + "inputs, name, retries, retry_backoff, timeout]");
  }

  @Test
  void aCycleIsReportedWithItsStepsAndLine() throws IOException {
    PipelineDefinitionException e = fails("""
        name: p
        steps:
          - name: a
            component: Command
            inputs: {x: c.out}
            config: {command: ["true"], outputs: {out: Examples}}
          - name: b
            component: Command
            inputs: {x: a.out}
            config: {command: ["true"], outputs: {out: Examples}}
          - name: c
            component: Command
            inputs: {x: b.out}
            config: {command: ["true"], outputs: {out: Examples}}
        """);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).location().line()).isEqualTo(3);
    assertThat(e.getMessage()).contains("pipeline.yaml:3:").contains("the steps form a cycle: a -> b -> c -> a");
  }

  @Test
  void aTypeMismatchNamesBothTypesAtTheInputsLine() throws IOException {
    PipelineDefinitionException e = fails("""
        name: p
        steps:
          - name: gen
            component: ExampleGen
            config: {path: data.csv}
          - name: stats
            component: StatisticsGen
            inputs: {examples: gen.examples}
          - name: train
            component: Trainer
            inputs:
              examples: stats.statistics
            config: {label: label, model_name: m}
        """);
    assertThat(e.getMessage()).contains("pipeline.yaml:12:7: step 'train': input 'examples' takes Examples but "
        + "stats.statistics is Statistics");
  }

  @Test
  void missingFilesUnknownComponentsAndUnknownUpstreamsAreAllReportedTogether() throws IOException {
    PipelineDefinitionException e = fails("""
        name: p
        steps:
          - name: gen
            component: ExampleGen
            config: {path: nowhere.csv, eval_fraction: high}
          - name: what
            component: Transformer
          - name: stats
            component: StatisticsGen
            inputs: {examples: gone.examples}
        """);
    assertThat(e.getMessage())
        .contains("pipeline.yaml:5:14: step 'gen': ExampleGen setting 'path': file ")
        .contains("nowhere.csv does not exist")
        .contains("pipeline.yaml:5:33: step 'gen': ExampleGen setting 'eval_fraction' must be a number, not \"high\"")
        .contains("pipeline.yaml:7:5: step 'what': unknown component 'Transformer'")
        .contains("pipeline.yaml:10:14: step 'stats': input 'examples' reads from step 'gone', which does not exist");
  }

  @Test
  void syntaxErrorsAndDuplicatesHaveLinesToo() throws IOException {
    assertThat(fails("name: p\nsteps: [\n").getMessage()).contains("pipeline.yaml:2:").contains("not valid YAML");
    assertThat(fails("""
        name: p
        steps:
          - name: gen
            component: ExampleGen
            config: {path: data.csv}
          - name: gen
            component: ExampleGen
            config: {path: data.csv}
        """).getMessage()).contains("pipeline.yaml:6:5: step name 'gen' is used twice (first at pipeline.yaml:3:5)");
  }

  @Test
  void theJavaBuilderIsCheckedByTheSameRules() {
    assertThatThrownBy(() -> PipelineBuilder.create("p", dir, COMPONENTS)
        .step("stats", "StatisticsGen").add()
        .build())
        .isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("step 'stats': input 'examples' (Examples) is not connected");
  }

  @Test
  void theCommittedJsonSchemaIsTheGeneratedOne() throws IOException {
    Path committed = Path.of("../docs/pipeline.schema.json");
    String generated = PipelineJsonSchema.generate(COMPONENTS);
    if (Boolean.getBoolean("prodline.writeSchema")) {
      Files.writeString(committed, generated);
    }
    assertThat(committed).as("regenerate with -Dprodline.writeSchema=true").hasContent(generated);
  }
}
