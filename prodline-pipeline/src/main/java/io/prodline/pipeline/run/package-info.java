/**
 * The local orchestrator: runs a {@link io.prodline.pipeline.model.Pipeline} on this machine.
 *
 * <p>{@link io.prodline.pipeline.run.PipelineRunner} schedules steps as soon as their inputs exist, at most
 * {@code parallelism} at once. {@link io.prodline.pipeline.run.StepRunner} runs one step: it computes the
 * {@link io.prodline.pipeline.run.CacheKey} (component, version, normalised configuration, input fingerprints),
 * reuses the outputs of the newest COMPLETE execution with that key when there is one, and otherwise runs the
 * component with retries and a timeout in a private staging folder, publishes the outputs by atomic rename
 * ({@link io.prodline.pipeline.run.Publisher}) and only then records them
 * ({@link io.prodline.pipeline.run.LineageRecorder}). Because nothing counts until it is recorded, and nothing is
 * recorded until it is whole on disk, a crash or Ctrl-C at any moment leaves no half-written output, and the next
 * run resumes by cache hits from the last published step.
 */
package io.prodline.pipeline.run;
