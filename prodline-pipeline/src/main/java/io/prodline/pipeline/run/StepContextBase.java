package io.prodline.pipeline.run;

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

/**
 * The part of a {@link StepContext} every way of running a step shares: the step, its run, its inputs, its log, home
 * and the registry. Subclasses decide only where the step's outputs are written.
 */
public abstract class StepContextBase implements StepContext {
  /** The step this context runs. */
  protected final Step step;
  private final String runId;
  private final Map<String, InputArtifact> inputs;
  private final PrintStream log;
  private final Path home;
  private final ModelRegistry registry;
  private final String missingInputHint;

  /**
   * @param missingInputHint appended to the error for an input the step reads but nothing connects ("" for none)
   */
  protected StepContextBase(Step step, String runId, Map<String, InputArtifact> inputs, PrintStream log, Path home,
      ModelRegistry registry, String missingInputHint) {
    this.step = step;
    this.runId = runId;
    this.inputs = Map.copyOf(inputs);
    this.log = log;
    this.home = home;
    this.registry = registry;
    this.missingInputHint = missingInputHint;
  }

  /** The error for a component that writes an output its signature does not declare. */
  protected final IllegalArgumentException undeclaredOutput(String name) {
    return new IllegalArgumentException(step.component().name() + " wrote output '" + name
        + "', which its signature does not declare");
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
        + name + "' connected" + missingInputHint));
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
