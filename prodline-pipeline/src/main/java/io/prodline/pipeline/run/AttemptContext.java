package io.prodline.pipeline.run;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.pipeline.model.Step;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The {@link StepContext} of one attempt of one step: its inputs, its own staging folder, the step's log. */
final class AttemptContext implements StepContext {
  private final Step step;
  private final String runId;
  private final Map<String, InputArtifact> inputs;
  private final Path staging;
  private final PrintStream log;
  private final Path home;
  private final ModelRegistry registry;

  AttemptContext(Step step, String runId, Map<String, InputArtifact> inputs, Path staging, PrintStream log,
      Path home, ModelRegistry registry) {
    this.step = step;
    this.runId = runId;
    this.inputs = Map.copyOf(inputs);
    this.staging = staging;
    this.log = log;
    this.home = home;
    this.registry = registry;
  }

  @Override
  public String stepName() {
    return step.name();
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public StepConfig config() {
    return step.config();
  }

  @Override
  public InputArtifact input(String name) {
    return optionalInput(name).orElseThrow(() -> new ProdlineException("step '" + step.name() + "' has no input '"
        + name + "' connected; connect it under 'inputs:'"));
  }

  @Override
  public Map<String, InputArtifact> inputs() {
    return inputs;
  }

  @Override
  public Optional<InputArtifact> optionalInput(String name) {
    return Optional.ofNullable(inputs.get(name));
  }

  @Override
  public Path output(String name) {
    if (step.signature().output(name).isEmpty()) {
      throw new IllegalArgumentException(step.component().name() + " wrote output '" + name
          + "', which its signature does not declare");
    }
    return staging.resolve(name);
  }

  @Override
  public PrintStream log() {
    return log;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public ModelRegistry registry() {
    return registry;
  }
}
