package io.prodline.serving.rest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.inference.InferenceFailure;

/**
 * The REST answer to a failed request, the same on {@code /v1} and {@code /v2}: a status from
 * {@link InferenceFailure#httpStatus()} and {@code {"error": "<InferenceFailure#clientMessage>"}}, with
 * {@code Retry-After} where the failure has a {@link InferenceFailure#retryAfter() retry delay}.
 */
public final class ErrorResponses {
  private ErrorResponses() {}

  /** @param request the method and path, for the message and the log */
  public static ApiResponse of(String request, Throwable error) {
    Throwable e = InferenceFailure.cause(error);
    InferenceFailure failure = InferenceFailure.of(e);
    ApiResponse answer = ApiResponse.error(HttpResponseStatus.valueOf(failure.httpStatus()),
        failure.clientMessage(request, e));
    return failure.retryAfter()
        .map(delay -> answer.withHeader(HttpHeaderNames.RETRY_AFTER.toString(), Long.toString(delay.toSeconds())))
        .orElse(answer);
  }
}
