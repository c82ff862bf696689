package io.prodline.serving.rest;

import io.netty.channel.group.ChannelGroup;
import java.time.Duration;

/**
 * Counts requests from the moment a connection starts on them until their answer has been written, so that a
 * graceful stop can wait for the answers themselves: waiting for the prediction workers alone is not enough, since
 * closing the event loops right after would close connections before the finished answers are written. Also says
 * whether a stop has begun ({@link #startDraining}), from which on connections close once their answers are
 * written, so keep-alive clients reconnect (elsewhere, once the load balancer has taken this server out).
 */
public final class InFlightRequests {
  private int count;
  private volatile boolean draining;

  /** A stop has begun: every connection closes after the answers it owes ({@link ApiHandler}). */
  public void startDraining() {
    draining = true;
  }

  boolean draining() {
    return draining;
  }

  /**
   * Closes each of {@code connections} that owes no answer now; the others close after their last answer. For a
   * stopping server that takes no new connections: a client's next request on an idle keep-alive connection would
   * otherwise be refused.
   */
  public void closeIdle(ChannelGroup connections) {
    connections.forEach(connection -> connection.pipeline().fireUserEventTriggered(ApiHandler.CLOSE_IF_IDLE));
  }

  synchronized void begin() {
    count++;
  }

  synchronized void end() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Requests taken and not yet answered. */
  public synchronized int count() {
    return count;
  }

  /** Waits until no request is in flight or {@code timeout} has passed; returns whether none is. */
  public synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
