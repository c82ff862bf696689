package io.prodline.pipeline.export;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.InputRef;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Step;
import io.prodline.pipeline.run.DirectoryFingerprint;
import io.prodline.pipeline.run.Publisher;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs exactly one step of a pipeline with its inputs and outputs at given locations: what each container of an
 * exported Argo workflow does ({@code prodline pipeline run-step}). One attempt, no cache and no lineage records:
 * the orchestrator around it (Argo) orders the steps, retries and times out. As in the local runner, a step writes
 * each output into a partial folder beside its target, moved into place only when the whole step succeeded, so a
 * failed attempt leaves no output behind for a retry to trip over.
 */
public final class SingleStepRunner {
  private final ModelRegistry registry;
  private final Path home;
  private final PrintStream log;

  /** @param registry for the Evaluator's baseline and the Pusher: share one database across pods for them */
  public SingleStepRunner(ModelRegistry registry, Path home, PrintStream log) {
    this.registry = registry;
    this.home = home;
    this.log = log;
  }

  /**
   * @param inputs input name → location of the upstream output's folder; exactly the step's connected inputs
   * @param outputs output name → location to publish the output at; exactly the step's outputs, none existing
   */
  public void run(Pipeline pipeline, String stepName, String runId, Map<String, String> inputs,
      Map<String, String> outputs) throws IOException, StepFailedException {
    Step step = pipeline.step(stepName).orElseThrow(() -> new ProdlineException("pipeline " + pipeline.name()
        + " has no step '" + stepName + "'; its steps are " + pipeline.steps().stream().map(Step::name).toList()));
    sameNames("input", step.inputs().keySet(), inputs.keySet(), step);
    sameNames("output", step.signature().outputs().stream().map(Port::name).collect(Collectors.toSet()),
        outputs.keySet(), step);
    Map<String, InputArtifact> in = new LinkedHashMap<>();
    step.inputs().forEach((name, ref) -> in.put(name, input(pipeline, name, ref, Locations.path(inputs.get(name)))));
    Map<String, Path> targets = new LinkedHashMap<>();
    Map<String, Path> partial = new LinkedHashMap<>();
    for (Port port : step.signature().outputs()) {
      Path target = Locations.path(outputs.get(port.name()));
      if (Files.exists(target)) {
        throw new ProdlineException("output '" + port.name() + "' already exists at " + target
            + "; run-step never overwrites an output");
      }
      Files.createDirectories(target.getParent());
      targets.put(port.name(), target);
      partial.put(port.name(), target.resolveSibling("." + target.getFileName() + ".partial-" + UUID.randomUUID()));
    }
    log.printf("step %s (%s v%d), run %s%n", step.name(), step.component().name(), step.component().version(),
        runId);
    try {
      try {
        step.component().run(new SingleStepContext(step, runId, in, partial, log, home, registry));
      } catch (Exception e) {
        throw new StepFailedException(step.name(), e);
      }
      for (Port port : step.signature().outputs()) {
        if (!Files.exists(partial.get(port.name()))) {
          throw new StepFailedException(step.name(), new IllegalStateException(step.component().name()
              + " finished without writing output '" + port.name() + "'"));
        }
      }
      for (Map.Entry<String, Path> e : targets.entrySet()) {
        Publisher.publish(partial.get(e.getKey()), e.getValue());
        log.println("output " + e.getKey() + " -> " + e.getValue());
      }
    } finally {
      partial.values().forEach(Publisher::discard);
    }
  }

  /** The step itself failed (as opposed to being given wrong arguments); its cause is the component's error. */
  public static final class StepFailedException extends Exception {
    StepFailedException(String step, Throwable cause) {
      super("step " + step + " failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause.getMessage()), cause);
    }
  }

  private static InputArtifact input(Pipeline pipeline, String name, InputRef ref, Path path) {
    if (!Files.exists(path)) {
      throw new ProdlineException("input '" + name + "' (" + ref + ") does not exist at " + path);
    }
    ArtifactType type = pipeline.step(ref.step()).flatMap(s -> s.signature().output(ref.output()))
        .map(Port::type).orElseThrow();
    String sha = Files.isDirectory(path) ? DirectoryFingerprint.of(path) : ContentFingerprint.sha256(path);
    return new InputArtifact(name, type, path, sha, 0);
  }

  private static void sameNames(String what, Set<String> expected, Set<String> given, Step step) {
    if (!expected.equals(given)) {
      throw new ProdlineException("step '" + step.name() + "' takes " + what + "s " + new TreeSet<>(expected)
          + " but was given " + new TreeSet<>(given) + "; pass each as --" + what + " NAME=LOCATION");
    }
  }
}
