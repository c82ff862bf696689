package io.prodline.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prodline.core.error.ProdlineException;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported manifests are valid Argo Workflows (per Argo's schema) whose DAG is the pipeline's. */
class ArgoWorkflowCompilerTest {
  private static final Path QUICKSTART = Path.of("../examples/quickstart/pipeline.yaml");
  private static final String IMAGE = "ghcr.io/example/prodline:0.1.0";

  @TempDir Path dir;

  @Test
  void theQuickstartWithAnS3RootIsAValidWorkflowWhoseTasksMirrorTheSteps() throws IOException {
    JsonNode wf = export(PipelineYaml.load(QUICKSTART, ComponentRegistry.discover()),
        options("s3://ml-artifacts/pipelines", Optional.empty()));

    assertThat(ArgoSchema.problems(wf)).isEmpty();
    assertThat(wf.get("apiVersion").asText()).isEqualTo("argoproj.io/v1alpha1");
    assertThat(wf.get("kind").asText()).isEqualTo("Workflow");
    assertThat(wf.at("/metadata/generateName").asText()).isEqualTo("quickstart-");
    assertThat(wf.at("/spec/entrypoint").asText()).isEqualTo("pipeline");
    assertThat(dependencies(wf)).isEqualTo(Map.of(
        "example-gen", List.of(),
        "statistics-gen", List.of("example-gen"),
        "schema-gen", List.of("statistics-gen"),
        "example-validator", List.of("statistics-gen", "schema-gen"),
        "trainer", List.of("example-gen", "statistics-gen"),
        "evaluator", List.of("example-gen", "trainer"),
        "infra-validator", List.of("example-gen", "trainer"),
        "pusher", List.of("trainer", "evaluator", "infra-validator")));

    JsonNode trainer = template(wf, "trainer");
    assertThat(trainer.at("/container/image").asText()).isEqualTo(IMAGE);
    assertThat(texts(trainer.at("/container/args"))).containsExactly("pipeline", "run-step",
        "{{workflow.parameters.pipeline}}", "--step", "trainer", "--run-id", "{{workflow.name}}",
        "--input", "examples=/prodline/inputs/examples", "--input", "statistics=/prodline/inputs/statistics",
        "--output", "model=/prodline/outputs/model");
    assertThat(trainer.at("/retryStrategy/limit").asText()).isEqualTo("1");
    assertThat(trainer.at("/retryStrategy/backoff/duration").asText()).isEqualTo("1000ms");
    assertThat(trainer.at("/activeDeadlineSeconds").asText()).isEqualTo("1800");
    assertThat(trainer.at("/outputs/artifacts/0/s3/key").asText())
        .isEqualTo("pipelines/{{workflow.name}}/trainer/model");
    assertThat(task(wf, "trainer").at("/arguments/artifacts/0/from").asText())
        .isEqualTo("{{tasks.example-gen.outputs.artifacts.examples}}");
    assertThat(template(wf, "example-gen").has("retryStrategy")).isFalse();
    assertThat(wf.at("/spec/arguments/parameters/0/value").asText()).isEqualTo("pipeline.yaml");
  }

  @Test
  void aDiamondOnASharedVolumePassesLocationsAsParameters() throws IOException {
    Pipeline diamond = load("""
        name: Diamond_DAG
        steps:
          - {name: top, component: Command, config: {command: [sh, top.sh], outputs: {data: Examples}}}
          - {name: left, component: Command, inputs: {in: top.data},
             config: {command: [sh, l.sh], outputs: {out: Statistics}}, timeout: 90s, retries: 3, retry_backoff: 500ms}
          - {name: right, component: Command, inputs: {in: top.data},
             config: {command: [sh, r.sh], outputs: {out: Statistics}}}
          - {name: bottom, component: Command, inputs: {a: left.out, b: right.out}, config: {command: [sh, b.sh]}}
        """);
    JsonNode wf = export(diamond, options("file:///mnt/prodline/", Optional.of("prodline-artifacts")));

    assertThat(ArgoSchema.problems(wf)).isEmpty();
    assertThat(wf.at("/metadata/generateName").asText()).isEqualTo("diamond-dag-");
    assertThat(dependencies(wf)).containsExactly(Map.entry("top", List.of()), Map.entry("left", List.of("top")),
        Map.entry("right", List.of("top")), Map.entry("bottom", List.of("left", "right")));
    assertThat(task(wf, "bottom").at("/arguments/parameters/0/value").asText())
        .isEqualTo("{{workflow.parameters.artifact-root}}/{{workflow.name}}/left/out");
    assertThat(texts(template(wf, "bottom").at("/container/args")))
        .contains("a={{inputs.parameters.input-a}}", "b={{inputs.parameters.input-b}}");
    assertThat(template(wf, "left").at("/activeDeadlineSeconds").asText()).isEqualTo("90");
    assertThat(template(wf, "left").at("/retryStrategy/limit").asText()).isEqualTo("3");
    assertThat(template(wf, "left").at("/retryStrategy/backoff/duration").asText()).isEqualTo("500ms");
    assertThat(wf.at("/spec/arguments/parameters/1/value").asText()).isEqualTo("/mnt/prodline");
    assertThat(wf.at("/spec/volumes/0/persistentVolumeClaim/claimName").asText()).isEqualTo("prodline-artifacts");
    assertThat(template(wf, "top").at("/container/volumeMounts/0/mountPath").asText())
        .isEqualTo("{{workflow.parameters.artifact-root}}");
  }

  @Test
  void theCheckCatchesWhatArgoWouldRejectOrDrop() throws IOException {
    ObjectNode wf = (ObjectNode) export(PipelineYaml.load(QUICKSTART, ComponentRegistry.discover()),
        options("s3://b", Optional.empty()));
    ObjectNode trainer = (ObjectNode) template(wf, "trainer");
    trainer.remove("activeDeadlineSeconds");
    trainer.put("activeDeadlineSecond", "1800");
    ((ObjectNode) trainer.get("container")).remove("image");

    assertThat(ArgoSchema.problems(wf)).anyMatch(p -> p.contains("activeDeadlineSecond"))
        .anyMatch(p -> p.contains("image"));
  }

  @Test
  void stepNamesThatCollideInArgoAreAnError() throws IOException {
    Pipeline p = load("""
        name: p
        steps:
          - {name: a_b, component: Command, config: {command: ["true"], outputs: {o: Examples}}}
          - {name: a-b, component: Command, inputs: {i: a_b.o}, config: {command: ["true"]}}
        """);
    assertThatThrownBy(() -> new ArgoWorkflowCompiler(options("s3://b", Optional.empty())).compile(p))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("'a_b' and 'a-b' would both be named 'a-b'");
  }

  @Test
  void artifactRootsThatPodsCannotShareAreRefused() {
    assertThatThrownBy(() -> ArtifactRoot.parse("artifacts")).hasMessageContaining("relative path");
    assertThatThrownBy(() -> ArtifactRoot.parse("gs://b/p")).hasMessageContaining("unsupported scheme");
    assertThatThrownBy(() -> ArtifactRoot.parse("s3:///p")).hasMessageContaining("names no bucket");
    assertThat(ArtifactRoot.parse("s3://b/a/b/")).isEqualTo(new ArtifactRoot.S3("b", "a/b"));
    assertThat(ArtifactRoot.parse("/mnt/x/")).isEqualTo(new ArtifactRoot.SharedPath("/mnt/x"));
  }

  /** Compiles, writes YAML and reads it back: what is checked is what {@code kubectl} would read. */
  private static JsonNode export(Pipeline pipeline, ArgoExportOptions options) throws IOException {
    String yaml = WorkflowYaml.write(new ArgoWorkflowCompiler(options).compile(pipeline));
    return new YAMLMapper().readTree(yaml);
  }

  private static ArgoExportOptions options(String root, Optional<String> claim) {
    return new ArgoExportOptions(IMAGE, ArtifactRoot.parse(root), "pipeline.yaml", claim, Optional.empty());
  }

  private Pipeline load(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), yaml);
    return PipelineYaml.load(file, ComponentRegistry.discover());
  }

  private static Map<String, List<String>> dependencies(JsonNode wf) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    wf.at("/spec/templates/0/dag/tasks").forEach(t -> out.put(t.get("name").asText(), texts(t.path("dependencies"))));
    return out;
  }

  private static JsonNode task(JsonNode wf, String name) {
    return find(wf.at("/spec/templates/0/dag/tasks"), name);
  }

  private static JsonNode template(JsonNode wf, String name) {
    return find(wf.at("/spec/templates"), name);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode n : list) {
      if (n.get("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no " + name + " in " + list);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
