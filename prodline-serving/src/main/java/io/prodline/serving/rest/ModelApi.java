package io.prodline.serving.rest;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionStatus;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.ExampleRequestDecoder;
import io.prodline.serving.protocol.MetadataResponse;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.PredictRequestDecoder.PredictRequest;
import io.prodline.serving.protocol.PredictResponseEncoder;
import io.prodline.serving.protocol.ResultsEncoder;
import io.prodline.serving.protocol.StatusResponse;
import io.prodline.serving.protocol.v2.V2Inference;
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
 * <p>Status and metadata are answered at once (they only read the current routing snapshot). Predictions,
 * classifications and regressions are decoded, run and encoded on {@code predictExecutor}, never on the caller's
 * thread, because the caller is a Netty event loop serving many connections and a model can take milliseconds.
 * Each holds a {@link VersionHandle} from lookup to answer, so a version being swapped out is unloaded only after
 * it has answered.
 *
 * <p>Errors: unknown model, version or label 404; a bad request, and any other {@link ProdlineException} (the error type
 * of things a user can cause), 400; a full worker queue 503; anything else 500 with a generic message, the details
 * going to the log and never to the client.
 */
public final class ModelApi {
  private static final Logger LOG = LoggerFactory.getLogger(ModelApi.class);

  private final ServableManager servables;
  private final Executor predictExecutor;
  private final V2RestApi v2;

  public ModelApi(ServableManager servables, Executor predictExecutor) {
    this.servables = servables;
    this.predictExecutor = predictExecutor;
    this.v2 = new V2RestApi(new V2Inference(servables, predictExecutor));
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
      return switch (route.endpoint()) {
        case STATUS -> CompletableFuture.completedFuture(ApiResponse.ok(StatusResponse.encode(statuses(route))));
        case METADATA -> {
          try (VersionHandle handle = servables.acquire(route.model(), route.selector())) {
            yield CompletableFuture.completedFuture(ApiResponse.ok(MetadataResponse.encode(route.model(),
                handle.version(), handle.predictor().bundle().manifest())));
          }
        }
        case PREDICT, CLASSIFY, REGRESS -> run(route.endpoint(), servables.acquire(route.model(), route.selector()),
            body, request);
      };
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(errorResponse(request, e));
    }
  }

  private List<VersionStatus> statuses(Route route) {
    ModelSnapshot model = servables.snapshot().model(route.model());
    return route.namesVersion() ? List.of(model.status(route.selector())) : model.statuses();
  }

  /** Runs the request on the workers; the handle is released when the answer is ready, whatever happened. */
  private CompletableFuture<ApiResponse> run(Route.Endpoint endpoint, VersionHandle handle, byte[] body,
      String request) {
    try {
      return CompletableFuture.supplyAsync(() -> answer(endpoint, handle, body), predictExecutor)
          .whenComplete((answer, error) -> handle.close())
          .exceptionally(e -> errorResponse(request, e));
    } catch (RuntimeException e) {
      handle.close();
      throw e;
    }
  }

  private static ApiResponse answer(Route.Endpoint endpoint, VersionHandle handle, byte[] body) {
    Predictor predictor = handle.predictor();
    BundleManifest manifest = predictor.bundle().manifest();
    return switch (endpoint) {
      case CLASSIFY -> {
        requireTask(handle, manifest, manifest.task().isClassification(), ":classify", "a classification",
            ":regress or :predict");
        yield ApiResponse.ok(ResultsEncoder.classify(
            predictor.predict(ExampleRequestDecoder.decode(body, manifest.inputs()))));
      }
      case REGRESS -> {
        requireTask(handle, manifest, manifest.task() == Task.REGRESSION, ":regress", "a regression",
            ":classify or :predict");
        yield ApiResponse.ok(ResultsEncoder.regress(
            predictor.predict(ExampleRequestDecoder.decode(body, manifest.inputs()))));
      }
      default -> {
        PredictRequest decoded = PredictRequestDecoder.decodeRequest(body, manifest.inputs());
        Predictions predictions = predictor.predict(decoded.frame());
        yield ApiResponse.ok(PredictResponseEncoder.encode(predictions, decoded.columnar()));
      }
    };
  }

  private static void requireTask(VersionHandle handle, BundleManifest manifest, boolean ok, String endpoint,
      String needed, String instead) {
    if (!ok) {
      throw new BadRequestException("model '" + handle.model() + "' version " + handle.version() + " is a "
          + manifest.task().fileName() + " model; " + endpoint + " needs " + needed + " model, use " + instead);
    }
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
