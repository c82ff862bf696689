package io.prodline.serving.rest;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.tensor.TensorModel;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionStatus;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.ExampleRequestDecoder;
import io.prodline.serving.protocol.ExampleTask;
import io.prodline.serving.protocol.MetadataResponse;
import io.prodline.serving.protocol.PredictRequestDecoder.PredictRequest;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.serving.protocol.PredictResponseEncoder;
import io.prodline.serving.protocol.ResultsEncoder;
import io.prodline.serving.protocol.StatusResponse;
import io.prodline.serving.protocol.TfServingTensors;
import io.prodline.serving.protocol.Utf8Json;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.rest.v2.V2RestApi;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Answers one API request: routes it, runs it and maps every failure to a status and a one-sentence message.
 * Knows nothing of sockets, so the whole API can be exercised without a server.
 *
 * <p>Paths beside the API (health, metrics) are answered first by the {@link ExtraEndpoint}s, at once; paths
 * under {@code /v2} are the Open Inference Protocol's, answered by {@link V2RestApi}. Status and metadata are
 * answered at once (they only read the current routing snapshot). Predictions, classifications and regressions
 * go through {@link RequestRunner}: decoded, run (batched when configured) and encoded on the prediction workers,
 * never on the caller's thread, because the caller is a Netty event loop serving many connections and a model can
 * take milliseconds. Each holds a {@link VersionHandle} from lookup until the model is done with it, so a version
 * being swapped out is unloaded only after it has answered.
 *
 * <p>Errors ({@link ErrorResponses}): unknown model, version or label 404; a bad request, and any other
 * {@link ProdlineException} (the error type of things a user can cause), 400; a full batching queue 429 with
 * {@code Retry-After}; a full worker queue 503, also with {@code Retry-After}; a request past its timeout 504; a model
 * that failed to run ({@link io.prodline.core.error.ModelRunException}) and anything else 500 with a generic message,
 * the details going to the log and never to the client.
 */
public final class ModelApi {
  private final ServableManager servables;
  private final RequestRunner runner;
  private final V2RestApi v2;
  private final ExtraEndpoints extraEndpoints;
  /** What a client whose path matches nothing is told this port answers. */
  private final String endpoints;

  /** An API predicting each request alone, with default limits, no prediction log and metrics nobody reads. */
  public ModelApi(ServableManager servables, Executor predictExecutor) {
    this(servables, predictExecutor, Inference.alone(), RequestLimits.DEFAULT, new Deadlines(),
        new ServingMetrics(), List.of());
  }

  /** An API whose Open Inference Protocol readiness is {@link Readiness#ofModels}. */
  public ModelApi(ServableManager servables, Executor predictExecutor, Inference inference, RequestLimits limits,
      Deadlines deadlines, ServingMetrics metrics, List<ExtraEndpoint> extraEndpoints) {
    this(new RequestRunner(servables, predictExecutor, inference, limits, deadlines, metrics),
        Readiness.ofModels(servables), extraEndpoints);
  }

  private ModelApi(RequestRunner runner, Readiness readiness, List<ExtraEndpoint> extraEndpoints) {
    this(runner, new V2Inference(runner, readiness), extraEndpoints);
  }

  /**
   * @param runner runs predictions, as for every protocol
   * @param v2 the Open Inference Protocol's operations, shared with the gRPC service
   */
  public ModelApi(RequestRunner runner, V2Inference v2, List<ExtraEndpoint> extraEndpoints) {
    this.servables = runner.servables();
    this.runner = runner;
    this.v2 = new V2RestApi(v2);
    this.extraEndpoints = new ExtraEndpoints(extraEndpoints);
    List<String> beside = this.extraEndpoints.described();
    this.endpoints = "TensorFlow Serving's API: " + Route.ENDPOINTS
        + "; the Open Inference Protocol under /v2 (GET /v2 describes it)"
        + (beside.isEmpty() ? "" : "; and " + String.join(", ", beside));
  }

  /**
   * {@link #handle(HttpMethod, String, HttpHeaders, RequestBody, ClientConnection)} for an uncompressed body, without
   * headers or connection.
   */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, byte[] body) {
    return handle(method, uri, EmptyHttpHeaders.INSTANCE, RequestBody.of(body), ClientConnection.none());
  }

  /**
   * The answer to a request that came on {@code connection}; the future never completes exceptionally, every
   * failure becomes an error answer.
   */
  public CompletableFuture<ApiResponse> handle(HttpMethod method, String uri, HttpHeaders headers, RequestBody body,
      ClientConnection connection) {
    String path = new QueryStringDecoder(uri).path();
    Optional<ApiResponse> extra = extraEndpoints.answer(method, path);
    if (extra.isPresent()) {
      return CompletableFuture.completedFuture(extra.get());
    }
    if (V2RestApi.handles(path)) {
      return v2.handle(method, path, headers, body, connection);
    }
    String request = method + " " + path;
    try {
      Optional<Route> parsed = Route.parse(path);
      if (parsed.isEmpty()) {
        countRefused(uri, HttpResponseStatus.NOT_FOUND);
        return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.NOT_FOUND,
            "no endpoint at " + path + "; this port answers " + endpoints));
      }
      Route route = parsed.get();
      if (!route.endpoint().method().equals(method)) {
        countRefused(uri, HttpResponseStatus.METHOD_NOT_ALLOWED);
        return CompletableFuture.completedFuture(
            ApiResponse.methodNotAllowed(method, route.endpoint().method(), path));
      }
      return switch (route.endpoint()) {
        case STATUS -> CompletableFuture.completedFuture(ApiResponse.ok(StatusResponse.encode(statuses(route))));
        case METADATA -> {
          try (VersionHandle handle = servables.acquire(route.model(), route.selector())) {
            yield CompletableFuture.completedFuture(ApiResponse.ok(metadata(route.model(), handle)));
          }
        }
        case PREDICT, CLASSIFY, REGRESS -> predict(request, route, headers, body, connection);
      };
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(ErrorResponses.of(request, e));
    }
  }

  /**
   * Counts a request to {@code uri} refused before it could name a model ({@link RequestRunner#refused}), under the
   * protocol its path belongs to.
   */
  void countRefused(String uri, HttpResponseStatus status) {
    String path = new QueryStringDecoder(uri).path();
    runner.refused(V2RestApi.handles(path) ? ServingMetrics.REST_V2 : ServingMetrics.REST_V1, status.code());
  }

  private static byte[] metadata(String model, VersionHandle handle) {
    if (handle.tensorModel().isPresent()) {
      TensorModel tensors = handle.tensorModel().get();
      return MetadataResponse.encode(model, handle.version(),
          tensors.inputs().stream().map(TfServingTensors::signature).toList(),
          tensors.outputs().stream().map(TfServingTensors::signature).toList());
    }
    Bundle bundle = handle.predictor().bundle();
    return MetadataResponse.encode(model, handle.version(), bundle.manifest(), bundle.tensors());
  }

  private List<VersionStatus> statuses(Route route) {
    return servables.snapshot().model(route.model()).statuses(route.selector());
  }

  /** Runs a prediction, classification or regression; echoes the request id when there is one. */
  private CompletableFuture<ApiResponse> predict(String request, Route route, HttpHeaders headers, RequestBody body,
      ClientConnection connection) {
    String requestId = runner.requestId(headers.get(ApiResponse.REQUEST_ID_HEADER));
    CompletableFuture<ApiResponse> running = runner.run(ServingMetrics.REST_V1, route.model(), route.selector(),
        requestId, null, new V1Call(route.endpoint(), body, runner));
    connection.running(request, running);
    return running.exceptionally(e -> ErrorResponses.of(request, e)).thenApply(a -> a.withRequestId(requestId));
  }

  /** TF Serving's three prediction endpoints: their decoders and encoders. */
  private record V1Call(Route.Endpoint endpoint, RequestBody sent, RequestRunner runner)
      implements RequestRunner.Call<PredictRequest, ApiResponse> {
    /** TF Serving's {@code :predict} of a model served as tensors; {@code :classify} and {@code :regress} need rows. */
    @Override
    public ApiResponse runTensors(VersionHandle handle, TensorModel model) {
      if (endpoint != Route.Endpoint.PREDICT) {
        throw handle.notRows();
      }
      byte[] body = sent.bytes();
      Utf8Json.require(body, body.length);
      return ApiResponse.ok(TfServingTensors.predict(body, model, runner.limits().maxRows(),
          runner.nonFinite(handle)));
    }

    @Override
    public PredictRequest decode(VersionHandle handle) {
      BundleManifest manifest = handle.predictor().bundle().manifest();
      byte[] body = sent.bytes();
      Utf8Json.require(body, body.length);
      PredictRequestDecoder.Options options = runner.decodeOptions(handle);
      return switch (endpoint) {
        case CLASSIFY -> {
          ExampleTask.CLASSIFY.require(handle.model(), handle.version(), manifest.task(), ":classify",
              ":regress or :predict");
          yield rows(ExampleRequestDecoder.decode(body, manifest.inputs(), options));
        }
        case REGRESS -> {
          ExampleTask.REGRESS.require(handle.model(), handle.version(), manifest.task(), ":regress",
              ":classify or :predict");
          yield rows(ExampleRequestDecoder.decode(body, manifest.inputs(), options));
        }
        default -> PredictRequestDecoder.decodeRequest(body, manifest.inputs(), handle.predictor().bundle().tensors(),
            options);
      };
    }

    private static PredictRequest rows(Frame frame) {
      return new PredictRequest(frame, false);
    }

    @Override
    public Frame frame(PredictRequest decoded) {
      return decoded.frame();
    }

    @Override
    public ApiResponse answer(VersionHandle version, PredictRequest decoded, Predictions predictions) {
      return ApiResponse.ok(switch (endpoint) {
        case CLASSIFY -> ResultsEncoder.classify(predictions);
        case REGRESS -> ResultsEncoder.regress(predictions);
        default -> PredictResponseEncoder.encode(predictions, decoded.columnar());
      });
    }
  }
}
