package io.prodline.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * Coalescing and logging, with runs handed to an executor the test drives by hand: a run is "in progress" until
 * the test lets it go, so overlap is certain, not a race.
 */
class PipelineSchedulerTest {
  private static final Instant T0 = Instant.parse("2024-05-01T02:59:00Z");

  private final Queue<Runnable> executor = new ArrayDeque<>();
  private final List<String> runs = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private final CoalescingRunner runner = new CoalescingRunner(executor::add, reason -> runs.add(reason), log::add);

  @Test
  void triggersDuringARunAreCoalescedIntoOneRunAfterIt() {
    assertThat(runner.offer("a")).isEqualTo(CoalescingRunner.Offer.STARTED);
    assertThat(runner.offer("b")).isEqualTo(CoalescingRunner.Offer.COALESCED);
    assertThat(runner.offer("c")).isEqualTo(CoalescingRunner.Offer.COALESCED);
    assertThat(executor).hasSize(1);
    assertThat(runner.busy()).isTrue();

    executor.poll().run();

    assertThat(runs).containsExactly("a", "coalesced triggers: b; c");
    assertThat(runner.busy()).isFalse();
    assertThat(runner.finishedRuns()).isEqualTo(2);
    assertThat(runner.offer("d")).isEqualTo(CoalescingRunner.Offer.STARTED);
  }

  @Test
  void aFailedRunIsLoggedAndTheNextTriggerStillRuns() {
    CoalescingRunner failing = new CoalescingRunner(executor::add, reason -> {
      throw new IllegalStateException("disk full");
    }, log::add);
    failing.offer("a");
    executor.poll().run();
    assertThat(log).containsExactly("run for a failed: disk full");
    assertThat(failing.lastSucceeded()).isFalse();
    assertThat(failing.offer("b")).isEqualTo(CoalescingRunner.Offer.STARTED);
  }

  @Test
  void everyTriggerIsLoggedWithItsReasonAndWhatBecameOfIt() {
    CronTrigger daily = CronTrigger.parse("0 3 * * *", ZoneOffset.UTC, T0);
    Trigger always = new Trigger() {
      @Override
      public Optional<String> poll(Instant now) {
        return Optional.of("new span-9.csv");
      }

      @Override
      public Optional<Instant> nextCheck(Instant now) {
        return Optional.empty();
      }
    };
    PipelineScheduler scheduler = new PipelineScheduler(List.of(daily, always), runner, log::add);

    scheduler.tick(Instant.parse("2024-05-01T03:00:00Z"));

    assertThat(log).containsExactly(
        "2024-05-01T03:00:00Z trigger: cron '0 3 * * *' due at 2024-05-01T03:00Z -> starting a run",
        "2024-05-01T03:00:00Z trigger: new span-9.csv -> a run is in progress: coalesced into one run after it");
  }

  @Test
  void theNextTickIsTheSoonerOfTheNextCronTimeAndThePollInterval() {
    PipelineScheduler scheduler = new PipelineScheduler(List.of(CronTrigger.parse("0 3 * * *", ZoneOffset.UTC, T0)),
        runner, log::add);
    assertThat(scheduler.nextTick(T0, Duration.ofSeconds(10))).isEqualTo(T0.plusSeconds(10));
    assertThat(scheduler.nextTick(T0, Duration.ofMinutes(5))).isEqualTo("2024-05-01T03:00:00Z");
  }
}
