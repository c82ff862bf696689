package io.prodline.serving.rest;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.protocol.MetadataResponse;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.PredictResponseEncoder;
import io.prodline.serving.protocol.StatusResponse;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelNotFoundException;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.repository.ModelVersion;
import io.prodline.serving.repository.ServedModel;
import io.prodline.serving.rest.v2.V2RestApi;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one API request: routes it, runs it and maps every failure to a status and a one-sentence message.
 * Knows nothing of sockets, so the whole API can be exercised without a server.
 *
 * <p>Status and metadata are answered at once (they only read the in-memory repository). Predictions are
 * decoded, run and encoded on {@code predictExecutor}, never on the caller's thread, because the caller is a
 * Netty event loop serving many connections and a model can take milliseconds.
 *
 * <p>Errors: unknown model or version 404; a bad request, and any other {@link ProdlineException} (the error type
 * of things a user can cause), 400; a full worker queue 503; anything else 500 with a generic message, the details
 * going to the log and never to the client.
 */
public final class ModelApi {
  private static final Logger LOG = LoggerFactory.getLogger(ModelApi.class);

  private final ModelRepository repository;
  private final Executor predictExecutor;
  private final V2RestApi v2;

  public ModelApi(ModelRepository repository, Executor predictExecutor) {
    this.repository = repository;
    this.predictExecutor = predictExecutor;
    this.v2 = new V2RestApi(new V2Inference(repository, predictExecutor));
  }

  /** The answer to a request without headers; see {@link #handle(HttpMethod, String, HttpHeaders, byte[])}. */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, byte[] body) {
    return handle(method, uri, EmptyHttpHeaders.INSTANCE, body);
  }

  /**
   * The answer to a request; the future never completes exceptionally, every failure becomes an error answer.
   * Paths under {@code /v2} are the Open Inference Protocol's, answered by {@link V2RestApi}.
   */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, HttpHeaders headers, byte[] body) {
    String path = new QueryStringDecoder(uri).path();
    if (V2RestApi.handles(path)) {
      return v2.handle(method, path, headers, body);
    }
    String request = method + " " + path;
    try {
      Optional<Route> parsed = Route.parse(path);
      if (parsed.isEmpty()) {
        return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.NOT_FOUND,
            "no endpoint at " + path + "; the API has " + Route.ENDPOINTS));
      }
      Route route = parsed.get();
      if (!route.endpoint().method().equals(method)) {
        return CompletableFuture.completedFuture(
            ApiResponse.methodNotAllowed(method, route.endpoint().method(), path));
      }
      ServedModel model = repository.model(route.model());
      return switch (route.endpoint()) {
        case STATUS -> CompletableFuture.completedFuture(ApiResponse.ok(StatusResponse.encode(statuses(model, route))));
        case METADATA -> CompletableFuture.completedFuture(
            ApiResponse.ok(MetadataResponse.encode(model.name(), servingVersion(model, route))));
        case PREDICT -> {
          ModelVersion version = servingVersion(model, route);
          yield CompletableFuture.supplyAsync(() -> predict(version, body), predictExecutor)
              .exceptionally(e -> errorResponse(request, e));
        }
      };
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(errorResponse(request, e));
    }
  }

  private static List<ModelVersion> statuses(ServedModel model, Route route) {
    return route.version().isPresent() ? List.of(model.version(route.version().getAsLong())) : model.versions();
  }

  private static ModelVersion servingVersion(ServedModel model, Route route) {
    return route.version().isPresent()
        ? model.availableVersion(route.version().getAsLong())
        : model.defaultVersion();
  }

  private static ApiResponse predict(ModelVersion version, byte[] body) {
    Frame frame = PredictRequestDecoder.decode(body, version.predictor().bundle().manifest().inputs());
    Predictions predictions = version.predictor().predict(frame);
    return ApiResponse.ok(PredictResponseEncoder.encode(predictions));
  }

  private static ApiResponse errorResponse(String request, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof ModelNotFoundException) {
      return ApiResponse.error(HttpResponseStatus.NOT_FOUND, e.getMessage());
    }
    if (e instanceof ProdlineException) {
      return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
    }
    if (e instanceof RejectedExecutionException) {
      LOG.warn("{} refused: the prediction queue is full or the server is stopping", request);
      return ApiResponse.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
          "the server is at capacity or shutting down; retry later");
    }
    LOG.error("{} failed unexpectedly", request, e);
    return ApiResponse.error(HttpResponseStatus.INTERNAL_SERVER_ERROR,
        "internal server error while answering " + request + "; the details are in the server log");
  }
}
