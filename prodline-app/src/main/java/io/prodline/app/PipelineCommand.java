package io.prodline.app;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.store.Execution;
import io.prodline.metadata.store.PropertyValue;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.model.Step;
import io.prodline.pipeline.run.ConsoleProgress;
import io.prodline.pipeline.run.LineageRecorder;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prodline pipeline run|show|schedule|export|run-step}: run a pipeline file, show its DAG and each step's last
 * state, run it on triggers, or export it to another orchestrator.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = "Run a pipeline (a DAG of components written in YAML), show its steps, schedule it or export it "
        + "to Argo; see docs/pipelines.md.",
    subcommands = {PipelineCommand.Run.class, PipelineCommand.Show.class, PipelineExportCommand.class,
        PipelineRunStepCommand.class, PipelineScheduleCommand.class})
final class PipelineCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** A subcommand that reads a pipeline file and the metadata database. */
  abstract static class PipelineFileCommand extends MetadataCommand {
    @Parameters(paramLabel = "PIPELINE_YAML", description = "The pipeline file.")
    Path file;
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Run the pipeline: steps start as soon as their inputs exist; unchanged steps are cache hits.",
          "Ctrl-C stops it, leaving nothing half-written; run it again to resume.",
          "Exit status: 0 when every step succeeded, 1 otherwise."})
  static final class Run extends PipelineFileCommand {
    @Option(names = "--no-cache", description = "Run every step, even when an identical execution exists.")
    boolean noCache;

    @Option(names = "--parallelism", paramLabel = "N", description = "Steps run at once (default: ${DEFAULT-VALUE}).")
    int parallelism = RunOptions.defaults().parallelism();

    @Override
    public Integer call() throws Exception {
      Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
      try (MetadataDatabase db = metadata.open()) {
        RunOptions options = RunOptions.defaults().withCache(!noCache).withParallelism(parallelism)
            .withListener(new ConsoleProgress(out()));
        PipelineRunner runner = new PipelineRunner(db.store(), db.registry(), metadata.home(), options);
        Thread onCtrlC = new Thread(() -> {
          out().println("Cancelling: stopping running steps and discarding their partial outputs...");
          try {
            runner.cancel(Duration.ofSeconds(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "prodline-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RunResult result = runner.run(pipeline);
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        return result.succeeded() ? 0 : 1;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the pipeline's steps in dependency order with their inputs and each step's last state.")
  static final class Show extends PipelineFileCommand {
    @Override
    public Integer call() {
      Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
      try (MetadataDatabase db = metadata.open()) {
        Map<String, Execution> last = lastExecutions(db, pipeline);
        out().println("pipeline " + pipeline.name() + " (" + pipeline.steps().size() + " steps)");
        for (Step step : pipeline.steps()) {
          Execution x = last.get(step.name());
          String state = x == null ? "never run" : x.state() + " at " + x.updateTime() + " (run "
              + ((PropertyValue.StringValue) x.properties().get(LineageRecorder.RUN)).value() + ")";
          out().printf("  %-20s %-15s %s%n", step.name(), step.component().name(), state);
          step.inputs().forEach((input, ref) -> out().printf("  %-20s   <- %s: %s%n", "", input, ref));
        }
      }
      return 0;
    }

    /** One indexed lookup per step, so the cost does not grow with the pipeline's history. */
    private static Map<String, Execution> lastExecutions(MetadataDatabase db, Pipeline pipeline) {
      return LineageRecorder.pipelineContext(db.store(), pipeline.name())
          .map(context -> db.store().latestExecutionsInContext(context, LineageRecorder.STEP,
              pipeline.steps().stream().map(Step::name).toList()))
          .orElse(Map.of());
    }
  }
}
