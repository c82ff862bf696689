package io.prodline.pipeline.schedule;

import java.time.Instant;
import java.util.Optional;

/** Something that can start a pipeline run. Asked on every tick of the {@link PipelineScheduler}. */
public interface Trigger {
  /** Why the pipeline should run now, or empty. Called with the scheduler's clock, never going backwards. */
  Optional<String> poll(Instant now);

  /** The latest instant by which this trigger wants to be asked again; empty when it has no time of its own. */
  Optional<Instant> nextCheck(Instant now);
}
