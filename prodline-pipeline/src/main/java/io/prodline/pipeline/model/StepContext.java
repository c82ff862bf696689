package io.prodline.pipeline.model;

import io.prodline.metadata.registry.ModelRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a running step may see and touch. Inputs are published, immutable directories. Each output is a path in a
 * private staging area that does not exist yet: the component creates it (a directory) and fills it; the runner
 * publishes all outputs atomically only after {@link Component#run} returns normally, so a failed, timed-out or
 * cancelled attempt leaves nothing behind. Cancellation arrives as a thread interrupt.
 */
public interface StepContext {
  String stepName();

  /** The id of this pipeline run, also the name of the folder holding the step logs. */
  String runId();

  StepConfig config();

  /** A connected input; fails naming the step when it is not connected. */
  InputArtifact input(String name);

  /** Every connected input, by input name. */
  java.util.Map<String, InputArtifact> inputs();

  /** An optional input, empty when it is not connected. */
  Optional<InputArtifact> optionalInput(String name);

  /** Where to write output {@code name}: a directory to create, inside the step's staging area. */
  Path output(String name);

  /** The step's log file ({@code <home>/runs/<run-id>/<step>.log}); a command's output goes here too. */
  PrintStream log();

  /** prodline's home directory, holding all local state. */
  Path home();

  /** The model registry (for the Evaluator's baseline and the Pusher). */
  ModelRegistry registry();
}
