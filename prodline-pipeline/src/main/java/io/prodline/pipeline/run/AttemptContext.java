package io.prodline.pipeline.run;

import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Step;
import io.prodline.pipeline.model.StepContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@link StepContext} of one attempt of one step: its inputs, its own staging folder, the step's log. */
final class AttemptContext extends StepContextBase {
  private final Path staging;

  AttemptContext(Step step, String runId, Map<String, InputArtifact> inputs, Path staging, PrintStream log,
      Path home, ModelRegistry registry) {
    super(step, runId, inputs, log, home, registry, "; connect it under 'inputs:'");
    this.staging = staging;
  }

  @Override
  public Path output(String name) {
    if (step.signature().output(name).isEmpty()) {
      throw undeclaredOutput(name);
    }
    return staging.resolve(name);
  }
}
