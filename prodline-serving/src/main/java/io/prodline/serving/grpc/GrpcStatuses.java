package io.prodline.serving.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a failure to the gRPC status a client acts on, as the REST API maps it to an HTTP status: unknown model
 * or version NOT_FOUND, a bad request INVALID_ARGUMENT, a full worker queue or a stopping server UNAVAILABLE (the
 * status gRPC clients retry), anything else INTERNAL with the details only in the log.
 */
final class GrpcStatuses {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcStatuses.class);

  private GrpcStatuses() {}

  static StatusRuntimeException of(String call, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof ModelNotFoundException) {
      return Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof ProdlineException) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof RejectedExecutionException) {
      LOG.warn("{} refused: the prediction queue is full or the server is stopping", call);
      return Status.UNAVAILABLE.withDescription("the server is at capacity or shutting down; retry later")
          .asRuntimeException();
    }
    LOG.error("{} failed unexpectedly", call, e);
    return Status.INTERNAL.withDescription("internal server error while answering " + call
        + "; the details are in the server log").asRuntimeException();
  }
}
