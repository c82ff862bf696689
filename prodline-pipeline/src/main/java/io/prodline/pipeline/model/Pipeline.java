package io.prodline.pipeline.model;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated pipeline: its steps in an order where every step comes after the steps it reads from. Build one
 * with {@link PipelineYaml#load} or {@link PipelineBuilder}; both check it whole first.
 *
 * @param baseDirectory where relative paths in step configurations are resolved (the YAML file's directory)
 */
public record Pipeline(String name, Path baseDirectory, List<Step> steps) {
  public Pipeline {
    steps = List.copyOf(steps);
  }

  public Optional<Step> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /** The names of the steps whose outputs {@code step} reads. */
  public Set<String> upstreamOf(Step step) {
    Set<String> out = new LinkedHashSet<>();
    step.inputs().values().forEach(ref -> out.add(ref.step()));
    return out;
  }
}
