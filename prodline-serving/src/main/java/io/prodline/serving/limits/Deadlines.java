package io.prodline.serving.limits;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fails futures that outlive their timeout. Backed by one hashed-wheel timer thread whose scheduling is a
 * lock-free queue insert, so arming a deadline per request adds no contention on the request path (unlike a
 * {@code ScheduledThreadPoolExecutor}, whose queue is locked). Deadlines fire within one tick (10 ms) late.
 */
public final class Deadlines implements AutoCloseable {
  private final HashedWheelTimer timer =
      new HashedWheelTimer(new DefaultThreadFactory("prodline-deadlines", true), 10, TimeUnit.MILLISECONDS);

  /** Completes {@code work} with {@link DeadlineExceededException} unless it completes within {@code timeout}. */
  public void enforce(CompletableFuture<?> work, Duration timeout) {
    Timeout armed = timer.newTimeout(t -> work.completeExceptionally(new DeadlineExceededException(
        "Deadline Exceeded: the request took longer than the server's limit of " + timeout.toMillis()
            + " ms; retry, or send fewer instances per request")), timeout.toNanos(), TimeUnit.NANOSECONDS);
    work.whenComplete((result, error) -> armed.cancel());
  }

  @Override
  public void close() {
    timer.stop();
  }
}
