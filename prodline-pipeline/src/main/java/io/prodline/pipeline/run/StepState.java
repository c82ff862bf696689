package io.prodline.pipeline.run;

/** How a step ended in one run. */
public enum StepState {
  /** Ran and published its outputs. */
  COMPLETE,
  /** Reused the outputs of an earlier execution with the same cache key. */
  CACHED,
  /** Every attempt failed or timed out. */
  FAILED,
  /** Not run because a step it reads from did not succeed. */
  SKIPPED,
  /** Stopped or never started because the run was cancelled. */
  CANCELED;

  public boolean succeeded() {
    return this == COMPLETE || this == CACHED;
  }
}
