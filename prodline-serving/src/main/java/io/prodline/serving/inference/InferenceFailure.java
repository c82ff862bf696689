package io.prodline.serving.inference;

import io.prodline.core.error.ModelRunException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kind of failure ended a request, the same for every protocol: each transport maps the kind to its own
 * status (REST to {@link #httpStatus()}, gRPC to its codes), and metrics count it under {@link #httpStatus()}.
 * What the client is told about it is the same everywhere too ({@link #clientMessage}).
 */
public enum InferenceFailure {
  /** Unknown model, version or label, or none available. */
  NOT_FOUND(404),
  /** A request that does not fit the model, and any {@link ProdlineException} but a {@link ModelRunException}. */
  BAD_REQUEST(400),
  /** A request body past the size limit once decompressed. */
  TOO_LARGE(413),
  /** The version's batching queue is full; the client should retry after a moment. */
  QUEUE_FULL(429),
  /** The request outlived the server's request timeout or the client's deadline. */
  TIMEOUT(504),
  /** The client cancelled or went away before the answer (nginx's "client closed request"); nobody receives it. */
  CLIENT_GONE(499),
  /** The prediction workers are full or stopping; the client should retry after a moment (elsewhere, if stopping). */
  UNAVAILABLE(503),
  /**
   * The model failed to run the request ({@link ModelRunException}): the server's problem, not the request's; the
   * details go to the log, never to the client.
   */
  MODEL_FAILED(500),
  /** A bug; the details go to the log, never to the client. */
  INTERNAL(500);

  private static final Logger LOG = LoggerFactory.getLogger(InferenceFailure.class);
  /** Refusals come with load and model failures often with every request: at most a line every 10 s each. */
  private static final ThrottledLog REFUSALS = new ThrottledLog(LOG, Duration.ofSeconds(10));
  private static final ThrottledLog MODEL_FAILURES = new ThrottledLog(LOG, Duration.ofSeconds(10));

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
   * once the load drops, a full batching queue and full workers (REST's {@code Retry-After}, gRPC's retry pushback);
   * empty for the others.
   */
  public Optional<Duration> retryAfter() {
    return this == QUEUE_FULL || this == UNAVAILABLE ? Optional.of(RETRY_AFTER) : Optional.empty();
  }

  /**
   * The one sentence a client is told about {@code error}, a failure of this kind: its own message where the
   * client can act on it; for full or stopping workers, a failed model and bugs a generic one naming the request,
   * their details (logged here) being the operator's business.
   *
   * @param request the request as the log and the client know it, e.g. {@code POST /v1/models/m:predict} or
   *     {@code ModelInfer m}
   * @param error the failure, unwrapped ({@link #cause})
   */
  public String clientMessage(String request, Throwable error) {
    return switch (this) {
      case UNAVAILABLE -> {
        REFUSALS.warn("{} refused: the prediction queue is full or the server is stopping", request);
        yield "the server is at capacity or shutting down; retry later";
      }
      case MODEL_FAILED -> {
        MODEL_FAILURES.error("{} failed: the model could not run it", request, error);
        yield "the model failed to run while answering " + request + "; the details are in the server log";
      }
      case INTERNAL -> {
        LOG.error("{} failed unexpectedly", request, error);
        yield "internal server error while answering " + request + "; the details are in the server log";
      }
      default -> error.getMessage();
    };
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
    if (e instanceof ModelRunException) {
      return MODEL_FAILED;
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
