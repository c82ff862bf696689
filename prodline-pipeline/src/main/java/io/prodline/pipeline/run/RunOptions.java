package io.prodline.pipeline.run;

import java.util.Objects;

/**
 * How to run: whether cache hits may be used ({@code --no-cache} turns them off; outputs are still recorded, so
 * the next cached run can reuse them), how many steps may run at once, and who hears the progress.
 */
public record RunOptions(boolean useCache, int parallelism, RunListener listener) {
  public RunOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    Objects.requireNonNull(listener, "listener");
  }

  /** Cache on, as many steps at once as there are processors (at most 4), no listener. */
  public static RunOptions defaults() {
    return new RunOptions(true, Math.min(4, Runtime.getRuntime().availableProcessors()), RunListener.NONE);
  }

  public RunOptions withCache(boolean use) {
    return new RunOptions(use, parallelism, listener);
  }

  public RunOptions withParallelism(int steps) {
    return new RunOptions(useCache, steps, listener);
  }

  public RunOptions withListener(RunListener newListener) {
    return new RunOptions(useCache, parallelism, newListener);
  }
}
