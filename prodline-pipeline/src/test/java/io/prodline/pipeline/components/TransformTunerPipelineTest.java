package io.prodline.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.Provenance;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineDefinitionException;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import io.prodline.pipeline.run.StepState;
import io.prodline.train.transform.TransformSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transform → Trainer and Tuner → Trainer with the real components, on the breast cancer data; a Trainer running
 * an external command.
 */
class TransformTunerPipelineTest {
  private static final Path DATA = Path.of("../examples/data/breast_cancer.csv").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** prodline-train's dependency-free external trainer: one leaf, the train rows' positive rate. */
  private static final Path CONSTANT_MODEL_SCRIPT =
      Path.of("../prodline-train/src/test/resources/external/constant_model.py").toAbsolutePath().normalize();

  @TempDir Path dir;

  private static final String SPEC = """
      features:
        - input: mean_radius
          steps: [{zscore: {}}]
        - input: mean_texture
          steps: [{fill: {strategy: mean}}, {zscore: {}}]
        - name: area_bucket
          input: mean_area
          steps: [{bucketize: {buckets: 4}}]
        - input: worst_radius
      """;

  private static final String TRANSFORM_PIPELINE = """
      name: transform_demo
      steps:
        - name: gen
          component: ExampleGen
          config: {path: data.csv}
        - name: stats
          component: StatisticsGen
          inputs: {examples: gen.examples}
        - name: transform
          component: Transform
          inputs: {examples: gen.examples}
          config: {spec: transform.yaml}
        - name: trainer
          component: Trainer
          inputs: {examples: gen.examples, statistics: stats.statistics, transform: transform.transform}
          config: {label: diagnosis, model_name: cancer, rounds: 10}
      """;

  @Test
  void trainerUsesTheTransformStepsFittedGraphAndASpecChangeReRunsExactlyTransformAndDownstream() throws Exception {
    Files.copy(DATA, dir.resolve("data.csv"));
    Files.writeString(dir.resolve("transform.yaml"), SPEC);
    Pipeline pipeline = load(TRANSFORM_PIPELINE);
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult first = run(db, home, pipeline);
      assertThat(first.succeeded()).as("%s", first).isTrue();
      Path graph = first.outcome("transform").orElseThrow().outputs().get("transform").path();
      Path model = first.outcome("trainer").orElseThrow().outputs().get("model").path();
      assertThat(graph.resolve("transform.yaml")).hasContent(SPEC);
      assertThat(JSON.readTree(model.resolve("transform.json").toFile()))
          .isEqualTo(JSON.readTree(graph.resolve("transform.json").toFile()));
      assertThat(BundleReader.read(model).manifest().inputs()).extracting(f -> f.name())
          .containsExactly("mean_radius", "mean_texture", "mean_area", "worst_radius");

      RunResult second = run(db, home, pipeline);
      assertThat(second.outcomes()).allMatch(o -> o.state() == StepState.CACHED);

      Files.writeString(dir.resolve("transform.yaml"), SPEC.replace("buckets: 4", "buckets: 3"));
      RunResult third = run(db, home, pipeline);
      assertThat(states(third)).isEqualTo(Map.of("gen", StepState.CACHED, "stats", StepState.CACHED,
          "transform", StepState.COMPLETE, "trainer", StepState.COMPLETE));
      Path newGraph = third.outcome("transform").orElseThrow().outputs().get("transform").path();
      Path newModel = third.outcome("trainer").orElseThrow().outputs().get("model").path();
      JsonNode fitted = JSON.readTree(newGraph.resolve("transform.json").toFile());
      assertThat(fitted).isNotEqualTo(JSON.readTree(graph.resolve("transform.json").toFile()));
      assertThat(JSON.readTree(newModel.resolve("transform.json").toFile())).isEqualTo(fitted);
    }
  }

  @Test
  void trainerTrainsWithTheTunersBestValues() throws Exception {
    Files.copy(DATA, dir.resolve("data.csv"));
    Files.writeString(dir.resolve("space.yaml"), """
        metric: roc_auc
        fixed: {rounds: 7}
        params:
          max_depth: {int: [2, 5]}
          eta: {float: [0.05, 0.5], log: true}
        """);
    Pipeline pipeline = load("""
        name: tune_demo
        steps:
          - name: gen
            component: ExampleGen
            config: {path: data.csv}
          - name: tuner
            component: Tuner
            inputs: {examples: gen.examples}
            config: {space: space.yaml, label: diagnosis, trials: 3, parallel: 2, seed: 3}
          - name: trainer
            component: Trainer
            inputs: {examples: gen.examples, hyperparameters: tuner.hyperparameters}
            config: {label: diagnosis, model_name: cancer, rounds: 50, max_depth: 6, eta: 0.3}
        """);
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult result = run(db, home, pipeline);
      assertThat(result.succeeded()).as("%s", result).isTrue();
      Path tuned = result.outcome("tuner").orElseThrow().outputs().get("hyperparameters").path();
      JsonNode doc = JSON.readTree(tuned.resolve(Hyperparameters.FILE).toFile());
      assertThat(doc.get("trials").asInt()).isEqualTo(3);
      assertThat(doc.get("explanation").asText()).startsWith("Chose trial");
      JsonNode best = doc.get("params");
      assertThat(best.get("rounds").asInt()).isEqualTo(7);

      Path model = result.outcome("trainer").orElseThrow().outputs().get("model").path();
      Map<String, String> parameters = BundleReader.read(model).manifest().source().parameters();
      assertThat(parameters).containsEntry("rounds", "7")
          .containsEntry("max_depth", Integer.toString(best.get("max_depth").asInt()))
          .containsEntry("eta", Double.toString(best.get("eta").asDouble()));
      assertThat(best.get("max_depth").asInt()).isBetween(2, 5);
    }
  }

  @Test
  void trainerWithACommandTrainsOnTheFittedTransformAndTheBundleNamesTheSpec() throws Exception {
    Files.copy(DATA, dir.resolve("data.csv"));
    Files.writeString(dir.resolve("transform.yaml"), SPEC);
    Files.copy(CONSTANT_MODEL_SCRIPT, dir.resolve("train.py"));
    Pipeline pipeline = load(TRANSFORM_PIPELINE.replace("config: {label: diagnosis, model_name: cancer, rounds: 10}",
        "config: {label: diagnosis, model_name: cancer, command: [python3, train.py], command_params: [epochs=3]}"));
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      RunResult result = run(db, home, pipeline);
      assertThat(result.succeeded()).as("%s", result).isTrue();
      Path graph = result.outcome("transform").orElseThrow().outputs().get("transform").path();
      Path model = result.outcome("trainer").orElseThrow().outputs().get("model").path();
      Provenance source = BundleReader.read(model).manifest().source();
      assertThat(source.trainer()).isEqualTo("external");
      assertThat(source.parameters()).containsEntry("command", "python3 train.py").containsEntry("epochs", "3");
      assertThat(source.transformSpecSha256()).isEqualTo(TransformSpecReader.parse(SPEC, "spec").sha256());
      assertThat(model.resolve("transform.json")).hasSameTextualContentAs(graph.resolve("transform.json"));
    }
  }

  @Test
  void aCommandTrainerTakesNoHyperparametersAndCommandParamsNeedACommand() throws Exception {
    Files.copy(DATA, dir.resolve("data.csv"));
    Files.writeString(dir.resolve("transform.yaml"), SPEC);
    Files.writeString(dir.resolve("space.yaml"), "params:\n  max_depth: {int: [2, 5]}\n");
    String tuned = """
        name: p
        steps:
          - name: gen
            component: ExampleGen
            config: {path: data.csv}
          - name: tuner
            component: Tuner
            inputs: {examples: gen.examples}
            config: {space: space.yaml, label: diagnosis}
          - name: trainer
            component: Trainer
            inputs: {examples: gen.examples, hyperparameters: tuner.hyperparameters}
            config: {label: diagnosis, model_name: cancer, command: [python3, train.py]}
        """;
    assertThatThrownBy(() -> load(tuned)).isInstanceOf(PipelineDefinitionException.class)
        .hasMessageContaining("Trainer has no input 'hyperparameters'");
    assertThatThrownBy(() -> load(TRANSFORM_PIPELINE.replace("rounds: 10", "command_params: [epochs=3]")))
        .hasMessageContaining("command_params are settings for a command; add command: [program, args...]");
  }

  private Pipeline load(String yaml) throws Exception {
    Path file = dir.resolve("pipeline.yaml");
    Files.writeString(file, yaml);
    return PipelineYaml.load(file, ComponentRegistry.discover());
  }

  private static RunResult run(MetadataDatabase db, Path home, Pipeline pipeline) {
    return new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults()).run(pipeline);
  }

  private static Map<String, StepState> states(RunResult r) {
    Map<String, StepState> out = new java.util.TreeMap<>();
    r.outcomes().forEach(o -> out.put(o.step(), o.state()));
    return out;
  }
}
