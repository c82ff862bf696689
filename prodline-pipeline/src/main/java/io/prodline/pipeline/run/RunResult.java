package io.prodline.pipeline.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every step's outcome in pipeline order, the run's id and the folder holding its step logs. */
public record RunResult(String runId, Path logDirectory, List<StepOutcome> outcomes) {
  public RunResult {
    outcomes = List.copyOf(outcomes);
  }

  public boolean succeeded() {
    return outcomes.stream().allMatch(o -> o.state().succeeded());
  }

  public Optional<StepOutcome> outcome(String step) {
    return outcomes.stream().filter(o -> o.step().equals(step)).findFirst();
  }

  /** The state of {@code step}; fails when the pipeline has no such step. */
  public StepState state(String step) {
    return outcome(step).orElseThrow(() -> new IllegalArgumentException("no step " + step)).state();
  }
}
