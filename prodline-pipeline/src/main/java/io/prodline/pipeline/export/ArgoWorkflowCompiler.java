package io.prodline.pipeline.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.pipeline.model.InputRef;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.RetryPolicy;
import io.prodline.pipeline.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles a pipeline to an Argo Workflows {@code Workflow}: a DAG template whose tasks mirror the steps and their
 * dependencies, and per step a container template running {@code prodline pipeline run-step} in the same image.
 * Argo then does what the local runner does: orders and parallelises steps, retries with doubling backoff
 * ({@code retryStrategy}) and stops an attempt at its timeout ({@code activeDeadlineSeconds}, per pod, so per
 * attempt as locally). Outputs are passed by location, see {@link ArtifactRoot}. There is no cache across
 * workflow runs: each run writes under its own {@code {{workflow.name}}} folder.
 *
 * <p>Argo's schema types {@code IntOrString} fields as strings, so numbers there are written as text, which Argo
 * accepts as well.
 */
public final class ArgoWorkflowCompiler {
  /** Where an S3 root's outputs are downloaded to and uploaded from inside a pod. */
  static final String POD_INPUTS = "/prodline/inputs/";
  static final String POD_OUTPUTS = "/prodline/outputs/";
  static final String DAG = "pipeline";
  static final String PIPELINE_PARAM = "pipeline";
  static final String ROOT_PARAM = "artifact-root";
  static final String METADATA_PARAM = "metadata-url";
  private static final String VOLUME = "prodline-artifacts";

  private final ArgoExportOptions options;
  private final JsonNodeFactory json = JsonNodeFactory.instance;

  public ArgoWorkflowCompiler(ArgoExportOptions options) {
    this.options = options;
  }

  public ObjectNode compile(Pipeline pipeline) {
    Map<String, String> names = ArgoNames.tasks(pipeline);
    ObjectNode wf = json.objectNode();
    wf.put("apiVersion", "argoproj.io/v1alpha1");
    wf.put("kind", "Workflow");
    ObjectNode metadata = wf.putObject("metadata");
    metadata.put("generateName", ArgoNames.generateName(pipeline.name()));
    metadata.putObject("labels").put("prodline.io/pipeline", ArgoNames.label(pipeline.name()));
    ObjectNode spec = wf.putObject("spec");
    spec.put("entrypoint", DAG);
    spec.putObject("arguments").set("parameters", workflowParameters());
    options.volumeClaim().ifPresent(claim -> spec.putArray("volumes").addObject().put("name", VOLUME)
        .putObject("persistentVolumeClaim").put("claimName", claim));
    ArrayNode templates = spec.putArray("templates");
    ObjectNode dag = templates.addObject();
    dag.put("name", DAG);
    ArrayNode tasks = dag.putObject("dag").putArray("tasks");
    for (Step step : pipeline.steps()) {
      tasks.add(task(pipeline, step, names));
      templates.add(container(step, names.get(step.name())));
    }
    return wf;
  }

  private ArrayNode workflowParameters() {
    ArrayNode params = json.arrayNode();
    params.addObject().put("name", PIPELINE_PARAM).put("value", options.pipelineFile())
        .put("description", "The pipeline file inside the image");
    if (options.artifactRoot() instanceof ArtifactRoot.SharedPath shared) {
      params.addObject().put("name", ROOT_PARAM).put("value", shared.path())
          .put("description", "The folder, mounted in every pod, under which each run's outputs are written");
    }
    options.metadataUrl().ifPresent(url -> params.addObject().put("name", METADATA_PARAM).put("value", url)
        .put("description", "The metadata database each step records its execution into"));
    return params;
  }

  /** The DAG task: which template, after which steps, and (for a shared path) the locations it reads and writes. */
  private ObjectNode task(Pipeline pipeline, Step step, Map<String, String> names) {
    String name = names.get(step.name());
    ObjectNode task = json.objectNode();
    task.put("name", name);
    task.put("template", name);
    // Step inputs are an unordered map; the pipeline's order keeps the manifest the same from one export to the next.
    List<String> upstream = pipeline.steps().stream().filter(s -> pipeline.upstreamOf(step).contains(s.name()))
        .map(s -> names.get(s.name())).toList();
    if (!upstream.isEmpty()) {
      ArrayNode deps = task.putArray("dependencies");
      upstream.forEach(deps::add);
    }
    if (options.artifactRoot() instanceof ArtifactRoot.SharedPath shared) {
      String root = "{{workflow.parameters." + ROOT_PARAM + "}}";
      ArrayNode args = json.arrayNode();
      step.inputs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        InputRef ref = e.getValue();
        args.addObject().put("name", "input-" + e.getKey())
            .put("value", shared.location(root, ref.step(), ref.output()));
      });
      for (Port out : step.signature().outputs()) {
        args.addObject().put("name", "output-" + out.name())
            .put("value", shared.location(root, step.name(), out.name()));
      }
      if (!args.isEmpty()) {
        task.putObject("arguments").set("parameters", args);
      }
    } else if (options.artifactRoot() instanceof ArtifactRoot.S3) {
      ArrayNode args = json.arrayNode();
      step.inputs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> args.addObject()
          .put("name", e.getKey())
          .put("from", "{{tasks." + names.get(e.getValue().step()) + ".outputs.artifacts."
              + e.getValue().output() + "}}"));
      if (!args.isEmpty()) {
        task.putObject("arguments").set("artifacts", args);
      }
    }
    return task;
  }

  /** The container template of one step: its inputs and outputs, its retries and timeout, the run-step command. */
  private ObjectNode container(Step step, String name) {
    ObjectNode t = json.objectNode();
    t.put("name", name);
    List<String> locations = new ArrayList<>();
    ObjectNode inputs = json.objectNode();
    ObjectNode outputs = json.objectNode();
    List<String> inputNames = step.inputs().keySet().stream().sorted().toList();
    if (options.artifactRoot() instanceof ArtifactRoot.S3 s3) {
      ArrayNode in = json.arrayNode();
      for (String input : inputNames) {
        in.addObject().put("name", input).put("path", POD_INPUTS + input);
        locations.add("--input");
        locations.add(input + "=" + POD_INPUTS + input);
      }
      ArrayNode out = json.arrayNode();
      for (Port port : step.signature().outputs()) {
        ObjectNode a = out.addObject().put("name", port.name()).put("path", POD_OUTPUTS + port.name());
        a.putObject("archive").putObject("none");
        a.putObject("s3").put("key", s3.key(step.name(), port.name()));
        locations.add("--output");
        locations.add(port.name() + "=" + POD_OUTPUTS + port.name());
      }
      setIfAny(inputs, "artifacts", in);
      setIfAny(outputs, "artifacts", out);
    } else {
      ArrayNode params = json.arrayNode();
      for (String input : inputNames) {
        params.addObject().put("name", "input-" + input);
        locations.add("--input");
        locations.add(input + "={{inputs.parameters.input-" + input + "}}");
      }
      for (Port port : step.signature().outputs()) {
        params.addObject().put("name", "output-" + port.name());
        locations.add("--output");
        locations.add(port.name() + "={{inputs.parameters.output-" + port.name() + "}}");
      }
      setIfAny(inputs, "parameters", params);
    }
    if (!inputs.isEmpty()) {
      t.set("inputs", inputs);
    }
    if (!outputs.isEmpty()) {
      t.set("outputs", outputs);
    }
    if (step.retry().retries() > 0) {
      t.set("retryStrategy", retryStrategy(step.retry()));
    }
    if (step.timeout() != null) {
      t.put("activeDeadlineSeconds", Long.toString(wholeSeconds(step.timeout())));
    }
    t.set("container", command(step, locations));
    return t;
  }

  private ObjectNode command(Step step, List<String> locations) {
    ObjectNode c = json.objectNode();
    c.put("image", options.image());
    c.putArray("command").add("prodline");
    ArrayNode args = c.putArray("args");
    List.of("pipeline", "run-step", "{{workflow.parameters." + PIPELINE_PARAM + "}}", "--step", step.name(),
        "--run-id", ArtifactRoot.RUN).forEach(args::add);
    locations.forEach(args::add);
    if (options.metadataUrl().isPresent()) {
      args.add("--metadata-url").add("{{workflow.parameters." + METADATA_PARAM + "}}");
    }
    if (options.volumeClaim().isPresent()) {
      c.putArray("volumeMounts").addObject().put("name", VOLUME)
          .put("mountPath", "{{workflow.parameters." + ROOT_PARAM + "}}");
    }
    return c;
  }

  /** Like the local runner: any failure (a timeout too) is retried, waiting {@code backoff}, doubled each time. */
  private ObjectNode retryStrategy(RetryPolicy retry) {
    ObjectNode r = json.objectNode();
    r.put("limit", Integer.toString(retry.retries()));
    r.put("retryPolicy", "Always");
    r.putObject("backoff").put("duration", retry.backoff().toMillis() + "ms").put("factor", "2");
    return r;
  }

  private static long wholeSeconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  private static void setIfAny(ObjectNode target, String field, ArrayNode items) {
    if (!items.isEmpty()) {
      target.set(field, items);
    }
  }
}
