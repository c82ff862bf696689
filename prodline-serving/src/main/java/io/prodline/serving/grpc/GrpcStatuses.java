package io.prodline.serving.grpc;

import com.google.protobuf.Any;
import com.google.rpc.RetryInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.prodline.serving.inference.InferenceFailure;
import java.time.Duration;

/**
 * Maps a failure to the gRPC status a client acts on, as the REST API maps it to an HTTP status (both by its
 * {@link InferenceFailure}): unknown model or version NOT_FOUND, a bad request INVALID_ARGUMENT, a full batching
 * queue what the protocol answers (see {@link GrpcAnswers}), too large a request RESOURCE_EXHAUSTED, past the request timeout or the client's deadline DEADLINE_EXCEEDED, a cancelled call
 * CANCELLED, a full worker queue or a stopping server UNAVAILABLE (the status gRPC clients retry), a model that
 * failed to run and anything else INTERNAL; the description is {@link InferenceFailure#clientMessage}.
 *
 * <p>A failure with a {@link InferenceFailure#retryAfter() retry delay} (REST's {@code Retry-After}) says it the
 * two ways gRPC clients read: the {@code grpc-retry-pushback-ms} trailer, which gRPC's own retry policy obeys, and a
 * {@code google.rpc.RetryInfo} detail in {@code grpc-status-details-bin}, which Google's client libraries read.
 */
final class GrpcStatuses {
  private static final Metadata.Key<String> RETRY_PUSHBACK_MS =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  private GrpcStatuses() {}

  /** @param queueFull the status of a full batching queue in the call's protocol */
  static StatusRuntimeException of(String call, Throwable error, Status queueFull) {
    Throwable e = InferenceFailure.cause(error);
    InferenceFailure failure = InferenceFailure.of(e);
    Status status = switch (failure) {
      case NOT_FOUND -> Status.NOT_FOUND;
      case BAD_REQUEST -> Status.INVALID_ARGUMENT;
      case QUEUE_FULL -> queueFull;
      case TOO_LARGE -> Status.RESOURCE_EXHAUSTED;
      case TIMEOUT -> Status.DEADLINE_EXCEEDED;
      case CLIENT_GONE -> Status.CANCELLED;
      case UNAVAILABLE -> Status.UNAVAILABLE;
      case MODEL_FAILED, INTERNAL -> Status.INTERNAL;
    };
    Status described = status.withDescription(description(call, error));
    return failure.retryAfter().map(delay -> withRetryHint(described, delay))
        .orElseGet(described::asRuntimeException);
  }

  /** The one sentence {@link #of} words {@code error} of {@code call} with, for answers that carry no status. */
  static String description(String call, Throwable error) {
    Throwable e = InferenceFailure.cause(error);
    return InferenceFailure.of(e).clientMessage(call, e);
  }

  private static StatusRuntimeException withRetryHint(Status status, Duration delay) {
    Metadata trailers = new Metadata();
    trailers.put(RETRY_PUSHBACK_MS, Long.toString(delay.toMillis()));
    RetryInfo retry = RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
        .setSeconds(delay.getSeconds()).setNanos(delay.getNano())).build();
    com.google.rpc.Status details = com.google.rpc.Status.newBuilder().setCode(status.getCode().value())
        .setMessage(status.getDescription()).addDetails(Any.pack(retry)).build();
    // Sets the status's code and description from the details, and the details as grpc-status-details-bin.
    return StatusProto.toStatusRuntimeException(details, trailers);
  }
}
