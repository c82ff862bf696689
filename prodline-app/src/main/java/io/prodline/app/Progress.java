package io.prodline.app;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error for long work: rows done, rate and elapsed time. When no terminal is attached
 * (a pipe, CI) the bar draws nothing, so logs are not filled with redrawn lines.
 */
final class Progress {
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
            : new DelegatingProgressBarConsumer(line -> { }))
        .build();
  }
}
