package io.prodline.pipeline.run;

import java.time.Duration;

/** Hears about a run's progress, for the terminal or a test. Called from step threads: implementations must be thread-safe. */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  default void runStarted(String runId, String pipeline, int steps, java.nio.file.Path logDirectory) {}

  default void stepStarted(String step, int attempt) {}

  default void stepRetrying(String step, int failedAttempt, String error, Duration delay) {}

  default void stepFinished(StepOutcome outcome) {}

  default void runFinished(RunResult result) {}
}
