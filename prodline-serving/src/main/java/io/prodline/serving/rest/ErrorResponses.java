package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.inference.InferenceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST answer to a failed request, the same on {@code /v1} and {@code /v2}: a status from
 * {@link InferenceFailure#httpStatus()} and {@code {"error": "..."}}, with {@code Retry-After} where the failure has
 * a {@link InferenceFailure#retryAfter() retry delay} (a full batching queue); full or stopping workers and internal errors get a generic sentence, the details going to
 * the log and never to the client.
 */
public final class ErrorResponses {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** @param request the method and path, for the log */
  public static ApiResponse of(String request, Throwable error) {
    Throwable e = InferenceFailure.cause(error);
    InferenceFailure failure = InferenceFailure.of(e);
    HttpResponseStatus status = HttpResponseStatus.valueOf(failure.httpStatus());
    ApiResponse answer = switch (failure) {
      case UNAVAILABLE -> {
        LOG.warn("{} refused: the prediction queue is full or the server is stopping", request);
        yield ApiResponse.error(status, "the server is at capacity or shutting down; retry later");
      }
      case INTERNAL -> {
        LOG.error("{} failed unexpectedly", request, e);
        yield ApiResponse.error(status,
            "internal server error while answering " + request + "; the details are in the server log");
      }
      default -> ApiResponse.error(status, e.getMessage());
    };
    return failure.retryAfter()
        .map(delay -> answer.withHeader(HttpHeaderNames.RETRY_AFTER.toString(), Long.toString(delay.toSeconds())))
        .orElse(answer);
  }
}
