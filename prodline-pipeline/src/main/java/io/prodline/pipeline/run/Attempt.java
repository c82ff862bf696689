package io.prodline.pipeline.run;

import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.StepContext;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a component once, on its own thread, so the step's thread can enforce a timeout and react to cancellation.
 * A timed-out or cancelled attempt is interrupted, then waited for (up to a grace period) so that its staging
 * folder is not removed while it is still writing.
 */
final class Attempt {
  /** How long an interrupted component gets to stop before its staging folder is removed anyway. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private Attempt() {}

  /** Thrown when the attempt ran past its timeout. */
  static final class TimedOut extends Exception {
    TimedOut(Duration limit) {
      super("timed out after " + limit.toMillis() + " ms");
    }
  }

  /**
   * @throws ExecutionException with the component's own error as the cause
   * @throws InterruptedException when the run is cancelled; the component has been interrupted
   */
  static void run(ExecutorService threads, Component component, StepContext context, Duration timeout)
      throws ExecutionException, InterruptedException, TimedOut {
    CountDownLatch ended = new CountDownLatch(1);
    Future<?> future = threads.submit(() -> {
      try {
        component.run(context);
        return null;
      } finally {
        ended.countDown();
      }
    });
    try {
      if (timeout == null) {
        future.get();
      } else {
        future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (TimeoutException e) {
      stop(future, ended);
      throw new TimedOut(timeout);
    } catch (InterruptedException e) {
      stop(future, ended);
      throw e;
    }
  }

  private static void stop(Future<?> future, CountDownLatch ended) {
    future.cancel(true);
    try {
      ended.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException again) {
      Thread.currentThread().interrupt();
    }
  }
}
