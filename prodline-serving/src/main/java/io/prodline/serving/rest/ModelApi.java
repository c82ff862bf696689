package io.prodline.serving.rest;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.serving.batching.BatchQueueFullException;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.InferenceRequest;
import io.prodline.serving.limits.DeadlineExceededException;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.MetadataResponse;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.PredictResponseEncoder;
import io.prodline.serving.protocol.StatusResponse;
import io.prodline.serving.repository.ModelNotFoundException;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.repository.ModelVersion;
import io.prodline.serving.repository.ServedModel;
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
 * <p>Paths beside the API (health, metrics) are answered first by the {@link ExtraEndpoint}s, at once.
 *
 * <p>Errors: unknown model or version 404; a bad request, and any other {@link ProdlineException} (the error type
 * of things a user can cause), 400; a full batching queue 429 with {@code Retry-After}; a full worker queue 503; a
 * request past its timeout 504; anything else 500 with a generic message, the details going to the log and never
 * to the client.
 */
public final class ModelApi {
  private static final Logger LOG = LoggerFactory.getLogger(ModelApi.class);
  /** The request header whose value names a request in the prediction log, echoed on the answer. */
  public static final String REQUEST_ID = "X-Request-Id";
  /** Seconds a client is told to wait after a 429. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final ModelRepository repository;
  private final Executor predictExecutor;
  private final Inference inference;
  private final RequestLimits limits;
  private final Deadlines deadlines;
  private final ServingMetrics metrics;
  private final List<ExtraEndpoint> extraEndpoints;

  /** An API predicting each request alone, with default limits, no prediction log and metrics nobody reads. */
  public ModelApi(ModelRepository repository, Executor predictExecutor) {
    this(repository, predictExecutor, new Inference(null, null), RequestLimits.DEFAULT, new Deadlines(),
        new ServingMetrics(), List.of());
  }

  public ModelApi(ModelRepository repository, Executor predictExecutor, Inference inference, RequestLimits limits,
      Deadlines deadlines, ServingMetrics metrics, List<ExtraEndpoint> extraEndpoints) {
    this.repository = repository;
    this.predictExecutor = predictExecutor;
    this.inference = inference;
    this.limits = limits;
    this.deadlines = deadlines;
    this.metrics = metrics;
    this.extraEndpoints = List.copyOf(extraEndpoints);
  }

  /** {@link #handle(HttpMethod, String, HttpHeaders, byte[])} without request headers. */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, byte[] body) {
    return handle(method, uri, EmptyHttpHeaders.INSTANCE, body);
  }

  /** The answer to a request; the future never completes exceptionally, every failure becomes an error answer. */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, HttpHeaders headers, byte[] body) {
    long arrivedNanos = System.nanoTime();
    String path = new QueryStringDecoder(uri).path();
    String request = method + " " + path;
    for (ExtraEndpoint endpoint : extraEndpoints) {
      Optional<ApiResponse> answer = endpoint.answer(method, path);
      if (answer.isPresent()) {
        return CompletableFuture.completedFuture(answer.get());
      }
    }
    boolean isPredict = false;
    String modelLabel = "";
    String versionLabel = "";
    try {
      Optional<Route> parsed = Route.parse(path);
      if (parsed.isEmpty()) {
        return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.NOT_FOUND,
            "no endpoint at " + path + "; the API has " + Route.ENDPOINTS));
      }
      Route route = parsed.get();
      isPredict = route.endpoint() == Route.Endpoint.PREDICT;
      if (!route.endpoint().method().equals(method)) {
        return CompletableFuture.completedFuture(
            ApiResponse.methodNotAllowed(method, route.endpoint().method(), path));
      }
      ServedModel model = repository.model(route.model());
      modelLabel = model.name();
      return switch (route.endpoint()) {
        case STATUS -> CompletableFuture.completedFuture(ApiResponse.ok(StatusResponse.encode(statuses(model, route))));
        case METADATA -> CompletableFuture.completedFuture(
            ApiResponse.ok(MetadataResponse.encode(model.name(), servingVersion(model, route))));
        case PREDICT -> {
          ModelVersion version = servingVersion(model, route);
          versionLabel = Long.toString(version.version());
          yield counted(predict(request, model.name(), version, headers, body, arrivedNanos), modelLabel,
              versionLabel, arrivedNanos);
        }
      };
    } catch (RuntimeException e) {
      ApiResponse answer = errorResponse(request, e);
      if (isPredict) {
        metrics.requestAnswered(modelLabel, versionLabel, ServingMetrics.REST_V1, answer.status().code(),
            System.nanoTime() - arrivedNanos);
      }
      return CompletableFuture.completedFuture(answer);
    }
  }

  private CompletableFuture<ApiResponse> counted(CompletableFuture<ApiResponse> answer, String model,
      String version, long arrivedNanos) {
    return answer.whenComplete((a, e) -> metrics.requestAnswered(model, version, ServingMetrics.REST_V1,
        a.status().code(), System.nanoTime() - arrivedNanos));
  }

  /**
   * Decodes, predicts and encodes on a worker, within the request timeout. When the deadline answers first, a
   * prediction still waiting for its batch is cancelled and never runs.
   */
  private CompletableFuture<ApiResponse> predict(String request, String model, ModelVersion version,
      HttpHeaders headers, byte[] body, long arrivedNanos) {
    long arrivedMillis = System.currentTimeMillis();
    String requestId = requestId(headers);
    CompletableFuture<ApiResponse> answer = new CompletableFuture<>();
    deadlines.enforce(answer, limits.timeout());
    try {
      predictExecutor.execute(() -> {
        if (answer.isDone()) {
          return;
        }
        try {
          Frame frame = PredictRequestDecoder.decode(body, version.predictor().bundle().manifest().inputs(),
              limits.decodeOptions());
          CompletableFuture<Predictions> predictions = inference.predict(
              new InferenceRequest(requestId, model, version, frame, arrivedMillis, arrivedNanos));
          answer.whenComplete((a, e) -> predictions.cancel(false));
          predictions.whenComplete((p, e) -> answer.complete(answerFor(request, p, e)));
        } catch (RuntimeException e) {
          answer.complete(errorResponse(request, e));
        }
      });
    } catch (RejectedExecutionException e) {
      answer.complete(errorResponse(request, e));
    }
    CompletableFuture<ApiResponse> mapped = answer.exceptionally(e -> errorResponse(request, e));
    return requestId == null ? mapped : mapped.thenApply(a -> a.withHeader(REQUEST_ID, requestId));
  }

  private static ApiResponse answerFor(String request, Predictions predictions, Throwable error) {
    if (error != null) {
      return errorResponse(request, error);
    }
    try {
      return ApiResponse.ok(PredictResponseEncoder.encode(predictions));
    } catch (RuntimeException e) {
      return errorResponse(request, e);
    }
  }

  /** The client's request id; one made up when the prediction log needs one; otherwise {@code null}. */
  private String requestId(HttpHeaders headers) {
    String given = headers.get(REQUEST_ID);
    if (given != null && !given.isBlank()) {
      return given;
    }
    return inference.logsPredictions() ? RequestIds.next() : null;
  }

  private static List<ModelVersion> statuses(ServedModel model, Route route) {
    return route.version().isPresent() ? List.of(model.version(route.version().getAsLong())) : model.versions();
  }

  private static ModelVersion servingVersion(ServedModel model, Route route) {
    return route.version().isPresent()
        ? model.availableVersion(route.version().getAsLong())
        : model.defaultVersion();
  }

  private static ApiResponse errorResponse(String request, Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof BatchQueueFullException) {
      return ApiResponse.error(HttpResponseStatus.TOO_MANY_REQUESTS, e.getMessage())
          .withHeader(HttpHeaderNames.RETRY_AFTER.toString(), RETRY_AFTER_SECONDS);
    }
    if (e instanceof DeadlineExceededException) {
      return ApiResponse.error(HttpResponseStatus.GATEWAY_TIMEOUT, e.getMessage());
    }
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
