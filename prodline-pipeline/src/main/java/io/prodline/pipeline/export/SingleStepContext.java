package io.prodline.pipeline.export;

import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.pipeline.model.InputArtifact;
import io.prodline.pipeline.model.Step;
import io.prodline.pipeline.run.StepContextBase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a step run alone sees: inputs at the given locations, outputs in partial folders beside their targets. */
final class SingleStepContext extends StepContextBase {
  private final Map<String, Path> partialOutputs;

  SingleStepContext(Step step, String runId, Map<String, InputArtifact> inputs, Map<String, Path> partialOutputs,
      PrintStream log, Path home, ModelRegistry registry) {
    super(step, runId, inputs, log, home, registry, "");
    this.partialOutputs = Map.copyOf(partialOutputs);
  }

  @Override
  public Path output(String name) {
    Path p = partialOutputs.get(name);
    if (p == null) {
      throw undeclaredOutput(name);
    }
    return p;
  }
}
