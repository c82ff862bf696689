package io.prodline.serving.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.inference.InferenceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a failure to the gRPC status a client acts on, as the REST API maps it to an HTTP status (both by its
 * {@link InferenceFailure}): unknown model or version NOT_FOUND, a bad request INVALID_ARGUMENT, a full batching
 * queue RESOURCE_EXHAUSTED, past the request timeout or the client's deadline DEADLINE_EXCEEDED, a cancelled call
 * CANCELLED, a full worker queue or a stopping server UNAVAILABLE (the status gRPC clients retry), anything else
 * INTERNAL with the details only in the log.
 */
final class GrpcStatuses {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcStatuses.class);

  private GrpcStatuses() {}

  static StatusRuntimeException of(String call, Throwable error) {
    Throwable e = InferenceFailure.cause(error);
    Status status = switch (InferenceFailure.of(e)) {
      case NOT_FOUND -> Status.NOT_FOUND.withDescription(e.getMessage());
      case BAD_REQUEST -> Status.INVALID_ARGUMENT.withDescription(e.getMessage());
      case QUEUE_FULL, TOO_LARGE -> Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage());
      case TIMEOUT -> Status.DEADLINE_EXCEEDED.withDescription(e.getMessage());
      case CLIENT_GONE -> Status.CANCELLED.withDescription(e.getMessage());
      case UNAVAILABLE -> {
        LOG.warn("{} refused: the prediction queue is full or the server is stopping", call);
        yield Status.UNAVAILABLE.withDescription("the server is at capacity or shutting down; retry later");
      }
      case INTERNAL -> {
        LOG.error("{} failed unexpectedly", call, e);
        yield Status.INTERNAL.withDescription("internal server error while answering " + call
            + "; the details are in the server log");
      }
    };
    return status.asRuntimeException();
  }
}
