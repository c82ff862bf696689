package io.prodline.pipeline.components;

import io.prodline.core.error.ProdlineException;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs any program as a step, in any language:
 * <pre>
 * - name: score
 *   component: Command
 *   inputs: {model: trainer.model}
 *   config:
 *     command: [sh, scripts/score.sh]
 *     outputs: {report: ModelEvaluation}
 * </pre>
 * The program starts in the pipeline file's directory with {@code PRODLINE_INPUT_<NAME>} set to each input's
 * folder and {@code PRODLINE_OUTPUT_<NAME>} to each output's folder (created empty; names upper-cased), plus
 * {@code PRODLINE_RUN_ID} and {@code PRODLINE_STEP}. Its output goes to the step log; a non-zero exit status
 * fails the attempt. On timeout or cancel the process and its children are killed. The command line and the content
 * of every file it names ({@link CommandFiles}) are part of the cache key: editing the script reruns the step.
 */
public final class CommandComponent implements Component {
  @Override
  public String name() {
    return "Command";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String description() {
    return "Runs a command line with its inputs and outputs passed as PRODLINE_INPUT_*/PRODLINE_OUTPUT_* folders.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.required("command", ParameterType.STRING_LIST, "The program and its arguments."),
        Parameter.optional("outputs", ParameterType.TYPE_MAP, "The outputs it writes: name -> artifact type."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    List<Port> inputs = connected.stream().sorted().map(n -> new Port(n, null, false)).toList();
    List<Port> outputs = new ArrayList<>();
    config.types("outputs").forEach((n, t) -> outputs.add(Port.of(n, t)));
    return new Signature(inputs, outputs);
  }

  @Override
  public Map<String, String> extraCacheInputs(StepContext context) {
    return CommandFiles.fingerprints(context.config().strings("command"), context.config().baseDirectory());
  }

  @Override
  public void run(StepContext context) throws Exception {
    List<String> command = context.config().strings("command");
    ProcessBuilder pb = new ProcessBuilder(command).directory(context.config().baseDirectory().toFile())
        .redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PRODLINE_RUN_ID", context.runId());
    env.put("PRODLINE_STEP", context.stepName());
    context.inputs().forEach((name, artifact) ->
        env.put("PRODLINE_INPUT_" + name.toUpperCase(Locale.ROOT), artifact.path().toString()));
    for (String output : context.config().types("outputs").keySet()) {
      Path dir = Files.createDirectories(context.output(output));
      env.put("PRODLINE_OUTPUT_" + output.toUpperCase(Locale.ROOT), dir.toString());
    }
    context.log().println("$ " + String.join(" ", command));
    Process process = pb.start();
    Thread pump = new Thread(() -> copy(process.getInputStream(), context), "prodline-command-log");
    pump.start();
    try {
      int status = process.waitFor();
      pump.join();
      if (status != 0) {
        throw new ProdlineException("command " + command + " exited with status " + status + "; see the step log");
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw e;
    }
  }

  private static void copy(InputStream from, StepContext context) {
    try (from) {
      from.transferTo(context.log());
    } catch (IOException e) {
      context.log().println("(the command's output could not be read further: " + e.getMessage() + ")");
    }
  }
}
