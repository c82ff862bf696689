package io.prodline.pipeline.export;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Step;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a step run alone sees: inputs at the given locations, outputs in partial folders beside their targets. */
final class SingleStepContext implements StepContext {
  private final Step step;
  private final String runId;
  private final Map<String, InputArtifact> inputs;
  private final Map<String, Path> partialOutputs;
  private final PrintStream log;
  private final Path home;
  private final ModelRegistry registry;

  SingleStepContext(Step step, String runId, Map<String, InputArtifact> inputs, Map<String, Path> partialOutputs,
      PrintStream log, Path home, ModelRegistry registry) {
    this.step = step;
    this.runId = runId;
    this.inputs = Map.copyOf(inputs);
    this.partialOutputs = Map.copyOf(partialOutputs);
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
        + name + "' connected"));
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
    Path p = partialOutputs.get(name);
    if (p == null) {
      throw new IllegalArgumentException(step.component().name() + " wrote output '" + name
          + "', which its signature does not declare");
    }
    return p;
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
