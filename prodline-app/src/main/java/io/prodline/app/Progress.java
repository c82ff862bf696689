package io.prodline.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * Progress of long work on standard error: rows done, rate, elapsed time (and time left when the total is known).
 * On a terminal a bar is redrawn in place twice a second. Without one (a pipe, a CI or Kubernetes job's log) a plain
 * line ({@link #logLine}) is printed once every {@link #LOG_EVERY}, so a log shows the work moving without filling up.
 */
final class Progress {
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private Progress() {}

  /** A bar counting {@code unit}; {@code total} may be -1 when unknown. */
  static ProgressBar bar(String task, long total, String unit) {
    if (System.console() != null) {
      return builder(task, total, unit).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
    return forLog(task, total, unit, new EveryInterval(System.err, LOG_EVERY, System::nanoTime));
  }

  /** A bar whose every redraw is handed to {@code lines} as a {@link #logLine}. */
  static ProgressBar forLog(String task, long total, String unit, Consumer<String> lines) {
    return builder(task, total, unit)
        .setRenderer((state, width) -> logLine(state, unit))
        .setConsumer(new DelegatingProgressBarConsumer(lines))
        .build();
  }

  private static ProgressBarBuilder builder(String task, long total, String unit) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis((int) Duration.ofMillis(500).toMillis());
  }

  /**
   * The state as one line for a log, e.g. {@code predict 8929280 rows in 0:00:10, 892928 rows/s}, or with a known
   * total {@code predict 4200000 of 10000000 rows (42%) in 0:00:04, 1050000 rows/s, 0:00:06 left}.
   */
  static String logLine(ProgressState state, String unit) {
    long done = state.getCurrent();
    long total = state.isIndefinite() ? -1 : state.getMax();
    Duration elapsed = state.getTotalElapsed();
    StringBuilder line = new StringBuilder(state.getTaskName()).append(' ').append(done);
    if (total > 0) {
      line.append(" of ").append(total);
    }
    line.append(' ').append(unit);
    if (total > 0) {
      line.append(" (").append(100 * done / total).append("%)");
    }
    line.append(" in ").append(clock(elapsed));
    if (elapsed.toMillis() > 0) {
      line.append(", ").append(done * 1000 / elapsed.toMillis()).append(' ').append(unit).append("/s");
    }
    if (total > 0 && done > 0 && done < total) {
      line.append(", ").append(clock(elapsed.multipliedBy(total - done).dividedBy(done))).append(" left");
    }
    return line.toString();
  }

  private static String clock(Duration d) {
    return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  /** Prints a line only when {@code every} has passed since the last one printed (or since it was made). */
  static final class EveryInterval implements Consumer<String> {
    private final PrintStream out;
    private final long everyNanos;
    private final LongSupplier clock;
    private long last;

    EveryInterval(PrintStream out, Duration every, LongSupplier clock) {
      this.out = out;
      this.everyNanos = every.toNanos();
      this.clock = clock;
      this.last = clock.getAsLong();
    }

    @Override
    public void accept(String line) {
      long now = clock.getAsLong();
      if (now - last >= everyNanos) {
        last = now;
        out.println(line);
      }
    }
  }
}
