package io.prodline.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on standard error: rows done, rate, elapsed time (and time left when the total is known).
 * On a terminal a bar is redrawn in place twice a second. Without one (a pipe, a CI or Kubernetes job's log) the
 * same line is printed once every {@link #LOG_EVERY}, so a log shows the work moving without filling up.
 */
final class Progress {
  static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private Progress() {}

  /** A bar counting {@code unit}; {@code total} may be -1 when unknown. */
  static ProgressBar bar(String task, long total, String unit) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis((int) Duration.ofMillis(500).toMillis())
        .setConsumer(System.console() != null
            ? new ConsoleProgressBarConsumer(System.err)
            : new DelegatingProgressBarConsumer(new EveryInterval(System.err, LOG_EVERY, System::nanoTime)))
        .build();
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
        out.println(forLog(line));
      }
    }

    /**
     * The bar's line without what only a bar redrawn in place makes sense of when the total is unknown: the bouncing
     * marker and the question marks, e.g. {@code predict 9388032 rows (0:00:10) 938803.2 rows/s}.
     */
    static String forLog(String line) {
      return line.strip().replaceFirst("\\s+\\? % \\[[^\\]]*\\]", "").replace("/? ", " ").replace(" / ?)", ")");
    }
  }
}
