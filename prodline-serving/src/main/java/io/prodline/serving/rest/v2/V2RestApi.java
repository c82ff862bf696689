package io.prodline.serving.rest.v2;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.Json;
import io.prodline.serving.protocol.v2.InferRequestDecoder;
import io.prodline.serving.protocol.v2.InferResponseEncoder;
import io.prodline.serving.protocol.v2.InferenceResult;
import io.prodline.serving.protocol.v2.ModelConfig;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.rest.ApiResponse;
import io.prodline.serving.rest.ClientConnection;
import io.prodline.serving.rest.ErrorResponses;
import io.prodline.serving.rest.RequestBody;
import io.prodline.serving.statistics.ModelStat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the Open Inference Protocol's REST endpoints: routes the {@code /v2} paths, reads the binary tensor data
 * extension's {@code Inference-Header-Content-Length}, and maps every failure to a status and {@code {"error": "..."}}
 * as the TF Serving API does ({@link ErrorResponses}): unknown model or version 404, bad request 400, full batching
 * queue 429 with {@code Retry-After}, full worker queue 503 with it too, past the request timeout 504, a model that
 * failed to run and anything else 500 with the details only in the log. Readiness answers 200 when ready and 503 when
 * not, so a Kubernetes probe can use them as they are. Beside the protocol, Triton's statistics extension
 * ({@link ModelStat}) and model configuration extension ({@link ModelConfig}) are answered, as on gRPC.
 */
public final class V2RestApi {
  /** The binary tensor data extension's header: the length of the JSON part of a body. */
  public static final String HEADER_LENGTH = "Inference-Header-Content-Length";

  private record Live(boolean live) {}

  private record Ready(boolean ready) {}

  private record ModelReady(String name, boolean ready) {}

  /** Triton's {@code $stats_model_response}. */
  private record Statistics(List<ModelStat> modelStats) {}

  private final V2Inference inference;
  private final byte[] serverMetadata;

  public V2RestApi(V2Inference inference) {
    this.inference = inference;
    this.serverMetadata = Json.write(inference.serverMetadata());
  }

  /** Whether {@code path} (decoded, no query string) is one of this protocol's, to be answered by {@link #handle}. */
  public static boolean handles(String path) {
    return V2Route.isV2(path);
  }

  /**
   * The answer to a request that came on {@code connection}; the future never completes exceptionally, every
   * failure becomes an error answer.
   */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String path, HttpHeaders headers, RequestBody body,
      ClientConnection connection) {
    String request = method + " " + path;
    try {
      Optional<V2Route> parsed = V2Route.parse(path);
      if (parsed.isEmpty()) {
        inference.refusedOverRest(HttpResponseStatus.NOT_FOUND.code());
        return done(ApiResponse.error(HttpResponseStatus.NOT_FOUND, "no endpoint at " + path + "; the API has "
            + V2Route.ENDPOINTS));
      }
      V2Route route = parsed.get();
      if (!route.endpoint().method().equals(method)) {
        inference.refusedOverRest(HttpResponseStatus.METHOD_NOT_ALLOWED.code());
        return done(ApiResponse.methodNotAllowed(method, route.endpoint().method(), path));
      }
      return switch (route.endpoint()) {
        case SERVER_METADATA -> done(ApiResponse.ok(serverMetadata));
        case LIVE -> done(ApiResponse.ok(Json.write(new Live(true))));
        case READY -> {
          boolean ready = inference.ready();
          yield done(readiness(ready, Json.write(new Ready(ready))));
        }
        case MODEL_METADATA -> done(ApiResponse.ok(Json.write(inference.metadata(route.model(), route.version()))));
        case MODEL_CONFIG -> done(ApiResponse.ok(Json.write(inference.config(route.model(), route.version()))));
        case STATISTICS -> done(ApiResponse.ok(Json.write(
            new Statistics(inference.statistics(route.model(), route.version())))));
        case MODEL_READY -> {
          boolean ready = inference.modelReady(route.model(), route.version());
          yield done(readiness(ready, Json.write(new ModelReady(route.model(), ready))));
        }
        case INFER -> {
          String requestId = inference.requestId(headers.get(ApiResponse.REQUEST_ID_HEADER));
          int jsonLength = jsonLength(headers);
          CompletableFuture<InferenceResult> running = inference.infer(ServingMetrics.REST_V2, route.model(),
              route.version(), requestId, null, () -> InferRequestDecoder.decode(body.bytes(), jsonLength));
          connection.running(request, running);
          // The body's id, when it has one, is the one the request went by (as in the prediction log).
          yield running.thenApply(r -> inferAnswer(r).withRequestId(r.id().isEmpty() ? requestId : r.id()))
              .exceptionally(e -> ErrorResponses.of(request, e).withRequestId(requestId));
        }
      };
    } catch (RuntimeException e) {
      return done(ErrorResponses.of(request, e));
    }
  }

  private static ApiResponse inferAnswer(InferenceResult result) {
    InferResponseEncoder.Encoded encoded = InferResponseEncoder.encode(result);
    if (encoded.jsonLength() < 0) {
      return ApiResponse.ok(encoded.body());
    }
    return ApiResponse.of(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_OCTET_STREAM.toString(), encoded.body())
        .withHeader(HEADER_LENGTH, Integer.toString(encoded.jsonLength()));
  }

  private static int jsonLength(HttpHeaders headers) {
    String value = headers.get(HEADER_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      int length = Integer.parseInt(value.trim());
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // Answered below, with the value the client sent.
    }
    throw new BadRequestException(HEADER_LENGTH + " must be a non-negative integer, got '" + value + "'");
  }

  private static ApiResponse readiness(boolean ready, byte[] body) {
    return new ApiResponse(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body, null);
  }

  private static CompletableFuture<ApiResponse> done(ApiResponse answer) {
    return CompletableFuture.completedFuture(answer);
  }
}
