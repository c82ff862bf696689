package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.pipeline.export.SingleStepRunner;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prodline pipeline run-step}: what each container of an exported workflow runs. Kept on the CLI rather
 * than hidden so a failing pod can be reproduced by hand with the same arguments.
 */
@Command(name = "run-step", mixinStandardHelpOptions = true,
    description = {"Run exactly one step, reading each input from and publishing each output to the given location "
            + "(a path or file: URI).",
        "One attempt, no cache, nothing recorded: the orchestrator (Argo) orders, retries and",
        "times out. Outputs appear only when the step succeeded, and an existing output is never overwritten.",
        "Exit status: 0 when the step succeeded, 1 when it failed, 2 for wrong arguments.",
        "",
        "Example:",
        "  prodline pipeline run-step examples/quickstart/pipeline.yaml --step trainer \\",
        "      --input examples=/data/run-1/example_gen/examples \\",
        "      --input statistics=/data/run-1/statistics_gen/statistics \\",
        "      --output model=/data/run-1/trainer/model"})
final class PipelineRunStepCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PIPELINE_YAML", description = "The pipeline file.")
  Path file;

  @Option(names = "--step", required = true, paramLabel = "NAME", description = "The step to run.")
  String step;

  @Option(names = "--input", paramLabel = "NAME=LOCATION",
      description = "Where an input's folder is; one per connected input.")
  Map<String, String> inputs = new LinkedHashMap<>();

  @Option(names = "--output", paramLabel = "NAME=LOCATION",
      description = "Where to publish an output; one per output.")
  Map<String, String> outputs = new LinkedHashMap<>();

  @Option(names = "--run-id", paramLabel = "ID",
      description = "The run this step belongs to (Argo passes the workflow's name).")
  String runId = "manual-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

  @Mixin
  MetadataOptions metadata;

  @Override
  public Integer call() throws IOException {
    Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
    try (MetadataDatabase db = metadata.open()) {
      new SingleStepRunner(db.registry(), metadata.home(), System.out).run(pipeline, step, runId, inputs, outputs);
      return 0;
    } catch (SingleStepRunner.StepFailedException e) {
      e.getCause().printStackTrace(spec.commandLine().getErr());
      spec.commandLine().getErr().println("prodline: " + e.getMessage());
      return 1;
    }
  }
}
