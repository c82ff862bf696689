package io.prodline.serving;

import java.time.Duration;
import java.util.Objects;

/**
 * How a stopping server lets go of its traffic.
 *
 * @param delay how long, once a stop begins, the ports stay open and keep answering while readiness says 503 (and
 *     gRPC health NOT_SERVING): in Kubernetes a pod's removal from its Service's endpoints and its SIGTERM happen
 *     at the same time, so without a delay the requests still routed to it meet a closed port. A few seconds
 *     (the probe period times its failure threshold) covers it; 0 closes at once
 * @param drainTimeout then, with the ports closed, how long requests already taken may take to be answered
 */
public record ShutdownOptions(Duration delay, Duration drainTimeout) {
  public static final ShutdownOptions DEFAULT = new ShutdownOptions(Duration.ZERO, Duration.ofSeconds(10));

  public ShutdownOptions {
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (delay.isNegative() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdown delay and drain timeout must not be negative, got " + delay
          + " and " + drainTimeout);
    }
  }
}
