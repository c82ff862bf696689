package io.prodline.pipeline.run;

import io.prodline.metadata.registry.ModelRegistry;
import io.prodline.metadata.store.MetadataStore;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.Step;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a pipeline on this machine: a step starts as soon as every step it reads from has succeeded, with at most
 * {@link RunOptions#parallelism()} steps at once; a step whose upstream failed is SKIPPED. {@link #cancel()} (the
 * CLI calls it on Ctrl-C) interrupts the running steps, which discard their staging folders and record CANCELED;
 * steps not yet started are CANCELED without running. One runner runs one pipeline once.
 */
public final class PipelineRunner {
  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final MetadataStore store;
  private final ModelRegistry registry;
  private final HomeLayout layout;
  private final RunOptions options;
  private final ExecutorService stepThreads;
  private final ExecutorService attemptThreads;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean cancelled;

  public PipelineRunner(MetadataStore store, ModelRegistry registry, Path home, RunOptions options) {
    this.store = store;
    this.registry = registry;
    this.layout = new HomeLayout(home.toAbsolutePath().normalize());
    this.options = options;
    this.stepThreads = Executors.newFixedThreadPool(options.parallelism(), daemonThreads("prodline-step"));
    this.attemptThreads = Executors.newCachedThreadPool(daemonThreads("prodline-attempt"));
  }

  public RunResult run(Pipeline pipeline) {
    String runId = LocalDateTime.now().format(RUN_TIME) + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    try {
      LineageRecorder recorder = LineageRecorder.start(store, pipeline, runId);
      StepRunner steps = new StepRunner(pipeline.name(), runId, layout, recorder, registry, attemptThreads, options);
      options.listener().runStarted(runId, pipeline.name(), pipeline.steps().size(), layout.runLogs(runId));
      Map<String, StepOutcome> outcomes = schedule(pipeline, steps);
      List<StepOutcome> ordered = new ArrayList<>();
      pipeline.steps().forEach(s -> ordered.add(outcomes.get(s.name())));
      RunResult result = new RunResult(runId, layout.runLogs(runId), ordered);
      options.listener().runFinished(result);
      return result;
    } finally {
      stepThreads.shutdownNow();
      attemptThreads.shutdownNow();
      finished.countDown();
    }
  }

  /**
   * Stops the run: running steps are interrupted and clean up, no new step starts. Returns once the run has
   * ended, or after {@code wait} has passed.
   */
  public void cancel(java.time.Duration wait) throws InterruptedException {
    cancelled = true;
    stepThreads.shutdownNow();
    finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Map<String, StepOutcome> schedule(Pipeline pipeline, StepRunner steps) {
    Map<String, StepOutcome> outcomes = new LinkedHashMap<>();
    List<Step> waiting = new ArrayList<>(pipeline.steps());
    CompletionService<StepOutcome> done = new ExecutorCompletionService<>(stepThreads);
    Map<Future<StepOutcome>, Step> inFlight = new HashMap<>();
    while (!waiting.isEmpty() || !inFlight.isEmpty()) {
      boolean changed = true;
      while (changed && !cancelled) {
        changed = false;
        for (Step step : List.copyOf(waiting)) {
          if (!outcomes.keySet().containsAll(pipeline.upstreamOf(step))) {
            continue;
          }
          var failed = pipeline.upstreamOf(step).stream().filter(u -> !outcomes.get(u).state().succeeded())
              .findFirst();
          if (failed.isPresent()) {
            finish(outcomes, StepOutcome.notRun(step.name(), StepState.SKIPPED, "upstream step " + failed.get()
                + " " + outcomes.get(failed.get()).state().name().toLowerCase(java.util.Locale.ROOT)));
            waiting.remove(step);
            changed = true;
          } else if (inFlight.size() < options.parallelism()) {
            Map<String, StepOutcome> upstream = new LinkedHashMap<>();
            pipeline.upstreamOf(step).forEach(u -> upstream.put(u, outcomes.get(u)));
            try {
              inFlight.put(done.submit(() -> steps.run(step, upstream)), step);
            } catch (RejectedExecutionException cancelledMeanwhile) {
              break;
            }
            waiting.remove(step);
          }
        }
      }
      if (inFlight.isEmpty()) {
        break;
      }
      try {
        // Once cancelled, a step that never got a thread would never report: wait only as long as a running
        // step needs to stop, then call the rest cancelled.
        Future<StepOutcome> next = cancelled ? done.poll(Attempt.GRACE.toMillis() * 2, TimeUnit.MILLISECONDS)
            : done.take();
        if (next == null) {
          break;
        }
        inFlight.remove(next);
        finish(outcomes, next.get());
      } catch (InterruptedException e) {
        cancelled = true;
        stepThreads.shutdownNow();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a step runner threw, which it must never do", e.getCause());
      }
    }
    waiting.addAll(inFlight.values());
    for (Step step : waiting) {
      finish(outcomes, StepOutcome.notRun(step.name(), StepState.CANCELED, "the run was cancelled"));
    }
    return outcomes;
  }

  private void finish(Map<String, StepOutcome> outcomes, StepOutcome outcome) {
    outcomes.put(outcome.step(), outcome);
    options.listener().stepFinished(outcome);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
