package io.prodline.serving.limits;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fails futures that outlive their timeout: the server's request timeout or, when earlier, the client's deadline.
 * Backed by one hashed-wheel timer thread whose scheduling is a lock-free queue insert, so arming a deadline per
 * request adds no contention on the request path (unlike a {@code ScheduledThreadPoolExecutor}, whose queue is
 * locked). Deadlines fire within one tick (10 ms) late.
 */
public final class Deadlines implements AutoCloseable {
  private final HashedWheelTimer timer =
      new HashedWheelTimer(new DefaultThreadFactory("prodline-deadlines", true), 10, TimeUnit.MILLISECONDS);

  /**
   * Completes {@code work} with {@link DeadlineExceededException} unless it completes within the server's
   * {@code limit} or, when the client's own deadline comes first, before that; at once when the client's deadline
   * has already passed, so that such work is never started.
   *
   * @param clientTimeout the time left until the client's deadline, or {@code null} when it set none
   */
  public void enforce(CompletableFuture<?> work, Duration limit, Duration clientTimeout) {
    boolean clients = clientTimeout != null && clientTimeout.compareTo(limit) < 0;
    Duration timeout = clients ? clientTimeout : limit;
    Runnable expire = () -> work.completeExceptionally(clients ? DeadlineExceededException.clientDeadline()
        : DeadlineExceededException.serverLimit(limit));
    if (timeout.isNegative() || timeout.isZero()) {
      expire.run();
      return;
    }
    Timeout armed = timer.newTimeout(t -> expire.run(), timeout.toNanos(), TimeUnit.NANOSECONDS);
    work.whenComplete((result, error) -> armed.cancel());
  }

  @Override
  public void close() {
    timer.stop();
  }
}
