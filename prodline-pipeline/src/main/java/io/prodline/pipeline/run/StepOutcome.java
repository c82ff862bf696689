package io.prodline.pipeline.run;

import io.prodline.pipeline.model.InputArtifact;
import java.time.Duration;
import java.util.Map;

/**
 * How one step of a run ended: its state, the execution recorded for it (0 when none was), its published outputs
 * (empty unless it succeeded), how many attempts it took and, when it did not succeed, why.
 */
public record StepOutcome(String step, StepState state, long executionId, Map<String, InputArtifact> outputs,
    int attempts, String error, Duration elapsed) {
  public StepOutcome {
    outputs = Map.copyOf(outputs);
  }

  static StepOutcome notRun(String step, StepState state, String why) {
    return new StepOutcome(step, state, 0, Map.of(), 0, why, Duration.ZERO);
  }
}
