package io.prodline.pipeline.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints a run's progress, one line per event, for a terminal or a CI log. */
public final class ConsoleProgress implements RunListener {
  private final PrintWriter out;
  private final AtomicInteger finished = new AtomicInteger();
  private volatile int total;

  public ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void runStarted(String runId, String pipeline, int steps, java.nio.file.Path logDirectory) {
    total = steps;
    out.printf(Locale.ROOT, "Running pipeline %s (%d steps), run %s; step logs in %s%n", pipeline, steps, runId,
        logDirectory);
  }

  @Override
  public void stepStarted(String step, int attempt) {
    out.printf(Locale.ROOT, "         %-20s started%s%n", step, attempt > 1 ? " (attempt " + attempt + ")" : "");
    out.flush();
  }

  @Override
  public void stepRetrying(String step, int failedAttempt, String error, Duration delay) {
    out.printf(Locale.ROOT, "         %-20s attempt %d failed: %s; retrying in %s%n", step, failedAttempt,
        firstLine(error), seconds(delay));
  }

  @Override
  public void stepFinished(StepOutcome o) {
    String detail = o.error() == null ? seconds(o.elapsed()) : seconds(o.elapsed()) + "  " + firstLine(o.error());
    out.printf(Locale.ROOT, "[%2d/%-2d]  %-20s %-8s %s%n", finished.incrementAndGet(), total, o.step(),
        o.state(), detail);
    out.flush();
  }

  @Override
  public void runFinished(RunResult result) {
    long cached = result.outcomes().stream().filter(o -> o.state() == StepState.CACHED).count();
    long ran = result.outcomes().stream().filter(o -> o.state() == StepState.COMPLETE).count();
    out.printf(Locale.ROOT, "%s: %d ran, %d cached, %d did not succeed%n",
        result.succeeded() ? "Succeeded" : "FAILED", ran, cached, result.outcomes().size() - ran - cached);
    out.flush();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " …";
  }
}
