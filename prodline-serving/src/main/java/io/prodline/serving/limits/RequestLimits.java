package io.prodline.serving.limits;

import io.prodline.serving.protocol.NonFiniteInputs;
import java.time.Duration;
import java.util.Objects;

/**
 * What one prediction request may ask of the server.
 *
 * @param maxRows most instances in one request (more get 400), which bounds the work and memory one request takes
 * @param timeout how long a request may take from arrival to answer before it gets 504 (TF Serving's
 *     DEADLINE_EXCEEDED); a prediction still running then finishes, but its answer is dropped
 * @param allowNaN whether {@code NaN} and {@code ±Infinity} tokens are accepted for float64 inputs (as missing
 *     values, to the model) by models whose configuration does not say; see
 *     {@link NonFiniteInputs#of}
 */
public record RequestLimits(int maxRows, Duration timeout, boolean allowNaN) {
  public static final int DEFAULT_MAX_ROWS = 10_000;
  /** As TF Serving's {@code --rest_api_timeout_in_ms}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final RequestLimits DEFAULT = new RequestLimits(DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT, false);

  public RequestLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive, got " + timeout);
    }
  }
}
