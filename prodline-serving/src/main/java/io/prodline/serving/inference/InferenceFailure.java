package io.prodline.serving.inference;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.batching.BatchQueueFullException;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.limits.BodyTooLargeException;
import io.prodline.serving.limits.DeadlineExceededException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * What kind of failure ended a request, the same for every protocol: each transport maps the kind to its own
 * status (REST to {@link #httpStatus()}, gRPC to its codes), and metrics count it under {@link #httpStatus()}.
 */
public enum InferenceFailure {
  /** Unknown model, version or label, or none available. */
  NOT_FOUND(404),
  /** A request that does not fit the model, and any other {@link ProdlineException}. */
  BAD_REQUEST(400),
  /** A request body past the size limit once decompressed. */
  TOO_LARGE(413),
  /** The version's batching queue is full; the client should retry after a moment. */
  QUEUE_FULL(429),
  /** The request outlived the server's request timeout or the client's deadline. */
  TIMEOUT(504),
  /** The client cancelled or went away before the answer (nginx's "client closed request"); nobody receives it. */
  CLIENT_GONE(499),
  /** The prediction workers are full or stopping. */
  UNAVAILABLE(503),
  /** A bug; the details go to the log, never to the client. */
  INTERNAL(500);

  /** Long enough for a burst to drain, short enough that a client backing off barely notices; whole seconds. */
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final int httpStatus;

  InferenceFailure(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /**
   * How long a client should wait before sending the request again, for the failures that pass by themselves
   * once the load drops (REST's {@code Retry-After}, gRPC's retry pushback); empty for the others.
   */
  public Optional<Duration> retryAfter() {
    return this == QUEUE_FULL ? Optional.of(RETRY_AFTER) : Optional.empty();
  }

  /** The failure behind {@code error}, unwrapped from the future that carried it. */
  public static Throwable cause(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  public static InferenceFailure of(Throwable error) {
    Throwable e = cause(error);
    if (e instanceof ModelNotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof BatchQueueFullException) {
      return QUEUE_FULL;
    }
    if (e instanceof DeadlineExceededException || e instanceof CancellationException) {
      return TIMEOUT;
    }
    if (e instanceof ClientGoneException) {
      return CLIENT_GONE;
    }
    if (e instanceof ProdlineException) {
      return BAD_REQUEST;
    }
    if (e instanceof BodyTooLargeException) {
      return TOO_LARGE;
    }
    if (e instanceof RejectedExecutionException) {
      return UNAVAILABLE;
    }
    return INTERNAL;
  }
}
