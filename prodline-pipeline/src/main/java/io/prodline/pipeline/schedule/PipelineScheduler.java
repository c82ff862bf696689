package io.prodline.pipeline.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asks each trigger on every tick and starts (or coalesces) a run for each that fires, logging every trigger with
 * its reason and what became of it. It holds no clock and no thread: the caller ticks it with the time, and
 * {@link #nextTick} says when to tick again, so the loop around it is the only place that sleeps.
 */
public final class PipelineScheduler {
  private final List<Trigger> triggers;
  private final CoalescingRunner runner;
  private final Consumer<String> log;

  public PipelineScheduler(List<Trigger> triggers, CoalescingRunner runner, Consumer<String> log) {
    if (triggers.isEmpty()) {
      throw new IllegalArgumentException("nothing to schedule on: give a cron expression, a location to watch, "
          + "or both");
    }
    this.triggers = List.copyOf(triggers);
    this.runner = runner;
    this.log = log;
  }

  public void tick(Instant now) {
    for (Trigger t : triggers) {
      t.poll(now).ifPresent(reason -> {
        String what = switch (runner.offer(reason)) {
          case STARTED -> "starting a run";
          case COALESCED -> "a run is in progress: coalesced into one run after it";
        };
        log.accept(now + " trigger: " + reason + " -> " + what);
      });
    }
  }

  /** The next time to tick: the soonest a trigger asks for, and at most {@code pollInterval} from now. */
  public Instant nextTick(Instant now, Duration pollInterval) {
    Instant next = now.plus(pollInterval);
    for (Trigger t : triggers) {
      Instant wanted = t.nextCheck(now).orElse(next);
      if (wanted.isBefore(next)) {
        next = wanted;
      }
    }
    return next;
  }
}
