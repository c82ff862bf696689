package io.prodline.pipeline.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the pipeline for a trigger, never two runs at once: a trigger that arrives during a run is coalesced with
 * any others into one follow-up run, started as soon as the current one ends. Overlapping runs of one pipeline
 * would race for the same outputs; dropping the trigger instead could miss a span that landed mid-run.
 */
public final class CoalescingRunner {
  /** One pipeline run; returns whether it succeeded. */
  @FunctionalInterface
  public interface Run {
    boolean run(String reason) throws Exception;
  }

  /** What became of a trigger. */
  public enum Offer { STARTED, COALESCED }

  private final Executor executor;
  private final Run run;
  private final Consumer<String> log;
  private final List<String> pending = new ArrayList<>();
  private boolean running;
  private int finished;
  private boolean lastSucceeded;

  /** @param executor where runs happen, off the scheduler's thread; tests pass one they drive by hand */
  public CoalescingRunner(Executor executor, Run run, Consumer<String> log) {
    this.executor = executor;
    this.run = run;
    this.log = log;
  }

  public synchronized Offer offer(String reason) {
    if (running) {
      pending.add(reason);
      return Offer.COALESCED;
    }
    running = true;
    executor.execute(() -> runUntilNothingPending(reason));
    return Offer.STARTED;
  }

  /** Whether a run is going on or about to start. */
  public synchronized boolean busy() {
    return running;
  }

  /** How many runs have ended, whatever their outcome. */
  public synchronized int finishedRuns() {
    return finished;
  }

  public synchronized boolean lastSucceeded() {
    return lastSucceeded;
  }

  /** Waits until no run is going on. */
  public synchronized void awaitIdle() throws InterruptedException {
    while (running) {
      wait();
    }
  }

  private void runUntilNothingPending(String firstReason) {
    String reason = firstReason;
    while (true) {
      boolean ok;
      try {
        ok = run.run(reason);
      } catch (Exception e) {
        log.accept("run for " + reason + " failed: " + e.getMessage());
        ok = false;
      }
      synchronized (this) {
        finished++;
        lastSucceeded = ok;
        if (pending.isEmpty()) {
          running = false;
          notifyAll();
          return;
        }
        reason = "coalesced triggers: " + String.join("; ", pending);
        pending.clear();
      }
      log.accept("starting the run for " + reason);
    }
  }
}
