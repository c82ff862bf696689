package io.prodline.serving.limits;

import java.time.Duration;

/**
 * A request outlived the server's timeout or the client's deadline; answered 504 (gRPC DEADLINE_EXCEEDED) with TF
 * Serving's "Deadline Exceeded" wording.
 */
public final class DeadlineExceededException extends RuntimeException {
  private DeadlineExceededException(String message) {
    super(message, null, false, false);
  }

  /** The request took longer than the server's request timeout. */
  public static DeadlineExceededException serverLimit(Duration limit) {
    return new DeadlineExceededException("Deadline Exceeded: the request took longer than the server's limit of "
        + limit.toMillis() + " ms; retry, or send fewer instances per request");
  }

  /** The deadline the client set passed before the answer was ready. */
  public static DeadlineExceededException clientDeadline() {
    return new DeadlineExceededException("Deadline Exceeded: the client's deadline passed before the answer was "
        + "ready");
  }
}
