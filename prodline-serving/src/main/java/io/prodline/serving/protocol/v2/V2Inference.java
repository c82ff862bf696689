package io.prodline.serving.protocol.v2;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.schema.Field;
import io.prodline.core.tensor.TensorModel;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.RequestRunner.Call;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.ServingSnapshot;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.lifecycle.VersionState;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.ServingSignature;
import io.prodline.serving.statistics.ModelStat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Open Inference Protocol's operations on the model repository, shared by the REST and gRPC transports so
 * that both resolve versions, check tensors and shape answers identically.
 *
 * <p>A version is named by a string in this protocol; the empty string means the default version, as
 * in the TF Serving API. Inference runs through {@link RequestRunner}, as for TF Serving's API: on the prediction
 * workers, never on the caller's thread (callers are network threads), with batching, the request timeout, the
 * prediction log and metrics. Errors are exceptions whose kind {@link io.prodline.serving.inference.InferenceFailure}
 * tells; each transport maps it to its own status codes.
 */
public final class V2Inference {
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private final RequestRunner runner;
  private final ServableManager servables;
  private final Readiness readiness;
  private final ServerMetadata serverMetadata = ServerMetadata.current();

  /**
   * @param runner runs inference, as for every protocol
   * @param readiness the server's readiness, the same {@code /readyz} answers with
   */
  public V2Inference(RequestRunner runner, Readiness readiness) {
    this.runner = runner;
    this.servables = runner.servables();
    this.readiness = readiness;
  }

  public ServerMetadata serverMetadata() {
    return serverMetadata;
  }

  /** The server's readiness: the same rule as {@code /readyz}, see {@link Readiness#ofModels}. */
  public boolean ready() {
    return readiness.notReadyBecause().isEmpty();
  }

  /** The names of the models served now. */
  public List<String> modelNames() {
    return servables.snapshot().names();
  }

  /** Whether that version (empty: the default one) can answer; {@link ModelNotFoundException} for unknown ones. */
  public boolean modelReady(String model, String version) {
    ModelSnapshot served = servables.snapshot().model(model);
    if (version.isEmpty()) {
      return served.defaultVersion().isPresent();
    }
    return served.status(selector(model, version)).state() == VersionState.AVAILABLE;
  }

  public ModelMetadata metadata(String model, String version) {
    return metadata(servables.snapshot().model(model), version);
  }

  /** The metadata of that version of {@code served}, the model as one snapshot saw it. */
  private ModelMetadata metadata(ModelSnapshot served, String version) {
    try (VersionHandle handle = servables.acquire(served.name(), selector(served.name(), version))) {
      return metadata(served, handle);
    }
  }

  private static ModelMetadata metadata(ModelSnapshot served, VersionHandle handle) {
    String model = served.name();
    List<String> versions = served.statuses().stream().filter(v -> v.state() == VersionState.AVAILABLE)
        .map(v -> Long.toString(v.version())).toList();
    if (handle.tensorModel().isPresent()) {
      return TensorRequests.metadata(model, versions, handle.tensorModel().get());
    }
    BundleManifest manifest = handle.predictor().bundle().manifest();
    TensorNames graph = handle.predictor().bundle().tensors();
    // The signature TF Serving's APIs describe, in this protocol's datatypes.
    ServingSignature signature = ServingSignature.of(manifest, graph);
    return new ModelMetadata(model, versions, "prodline_" + manifest.runtime(),
        signature.inputs().stream().map(V2Inference::tensorMetadata).toList(),
        List.of(tensorMetadata(signature.output())));
  }

  private static TensorMetadata tensorMetadata(ServingSignature.Tensor tensor) {
    return new TensorMetadata(tensor.name(), datatype(tensor.dtype()).name(), tensor.shape());
  }

  /**
   * Triton's configuration of that version (empty: the default one): its metadata, with the model's version policy,
   * the non-finite inputs it takes, and this server's request size limit and batching.
   */
  public ModelConfig config(String model, String version) {
    ModelSnapshot served = servables.snapshot().model(model);
    try (VersionHandle handle = servables.acquire(model, selector(model, version))) {
      if (handle.tensorModel().isPresent()) {
        return ModelConfig.ofTensors(metadata(served, handle), served.versionPolicy(), runner.nonFinite(handle));
      }
      return ModelConfig.of(metadata(served, handle), served.versionPolicy(), runner.limits().maxRows(),
          runner.inference().batching(handle), runner.nonFinite(handle));
    }
  }

  /**
   * Triton's statistics of the available versions: of every model when {@code model} is empty, else of that model's
   * versions, or of the one {@code version} names; models by name, versions oldest first. A version named without a
   * model (gRPC allows it) is a {@link BadRequestException}.
   */
  public List<ModelStat> statistics(String model, String version) {
    ServingSnapshot snapshot = servables.snapshot();
    if (!model.isEmpty()) {
      return snapshot.model(model).statistics(selector(model, version));
    }
    if (!version.isEmpty()) {
      throw new BadRequestException("statistics of version '" + version + "' need the model's name too; leave "
          + "both empty for every model's");
    }
    return snapshot.names().stream()
        .flatMap(name -> snapshot.model(name).statistics(VersionSelector.DEFAULT).stream()).toList();
  }

  /** Counts a REST request refused before it could name a model ({@link RequestRunner#refused}). */
  public void refusedOverRest(int status) {
    runner.refused(ServingMetrics.REST_V2, status);
  }

  /** The id a request goes by before its body is read, as {@link RequestRunner#requestId}. */
  public String requestId(String given) {
    return runner.requestId(given);
  }

  /**
   * Runs {@code request} on that version (empty: the default one) through {@link RequestRunner}: decoded by the
   * supplier on a worker (decoding a large body is real work), batched, logged, timed and counted under
   * {@code protocol}. Every failure completes the future exceptionally.
   *
   * @param requestId the id the request goes by until its body is read, as {@link #requestId} gives it (from REST's
   *     {@code X-Request-Id}, gRPC's {@code id}); the body's own {@code id}, when it has one, takes precedence
   * @param clientTimeout the time left until the client's own deadline, or {@code null} when it has none (REST)
   */
  public CompletableFuture<InferenceResult> infer(String protocol, String model, String version, String requestId,
      Duration clientTimeout, Supplier<InferenceRequest> request) {
    try {
      return runner.run(protocol, model, selector(model, version), requestId, clientTimeout,
          new V2Call(request, runner));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** A request as its tensors and as the frame assembled from them. */
  private record Decoded(InferenceRequest request, Frame frame) {}

  /** The protocol's part of a request: tensors in, tensors out. */
  private record V2Call(Supplier<InferenceRequest> request, RequestRunner runner)
      implements Call<Decoded, InferenceResult> {
    @Override
    public Decoded decode(VersionHandle handle) {
      InferenceRequest decoded = request.get();
      Bundle bundle = handle.predictor().bundle();
      TensorNames graph = bundle.tensors();
      ServingSignature.requestedOutputs(decoded.outputs().stream().map(RequestedOutput::name).toList(), graph,
          "");
      List<Field> inputs = bundle.manifest().inputs();
      return new Decoded(decoded, FrameAssembler.assemble(decoded.inputs(), inputs, graph,
          runner.nonFinite(handle)));
    }

    @Override
    public Frame frame(Decoded decoded) {
      return decoded.frame();
    }

    @Override
    public String requestId(Decoded decoded) {
      return decoded.request().id().isEmpty() ? null : decoded.request().id();
    }

    @Override
    public InferenceResult answer(VersionHandle handle, Decoded decoded, Predictions predictions) {
      return result(handle, decoded.request(), predictions);
    }

    @Override
    public InferenceResult runTensors(VersionHandle handle, TensorModel model) {
      return TensorRequests.run(handle.model(), Long.toString(handle.version()), model, request.get(),
          runner.limits().maxRows(), runner.nonFinite(handle));
    }
  }

  private static InferenceResult result(VersionHandle version, InferenceRequest request, Predictions predictions) {
    long[] shape = predictions.shape();
    List<OutputTensor> outputs = new ArrayList<>();
    if (request.outputs().isEmpty()) {
      // Named as the model's metadata names its output, as Triton answers a request that names none: a client reads
      // the answer by that name (tritonclient's as_numpy("output__0") for a bare XGBoost model).
      String output = ServingSignature.outputName(version.predictor().bundle().tensors());
      outputs.add(OutputTensor.fp32(output, shape, predictions.values(), request.binaryOutputs()));
    }
    for (RequestedOutput asked : request.outputs()) {
      outputs.add(asked.classification() > 0
          ? Classification.of(asked.name(), predictions, asked.classification(), asked.binary())
          : OutputTensor.fp32(asked.name(), shape, predictions.values(), asked.binary()));
    }
    return new InferenceResult(version.model(), Long.toString(version.version()), request.id(), outputs);
  }

  /** The version a protocol version string names: empty for the default one, else a positive integer. */
  private static VersionSelector selector(String model, String version) {
    if (version.isEmpty()) {
      return VersionSelector.DEFAULT;
    }
    if (!VERSION.matcher(version).matches()) {
      throw new ModelNotFoundException("model '" + model + "' has no version '" + version
          + "'; versions are positive integers");
    }
    return VersionSelector.number(Long.parseLong(version));
  }

  /** This protocol's datatype for a TensorFlow dtype of {@link ServingSignature}. */
  private static DataType datatype(String tensorFlowDtype) {
    return switch (tensorFlowDtype) {
      case "DT_FLOAT" -> DataType.FP32;
      case "DT_DOUBLE" -> DataType.FP64;
      case "DT_INT64" -> DataType.INT64;
      case "DT_BOOL" -> DataType.BOOL;
      case "DT_STRING" -> DataType.BYTES;
      default -> throw new IllegalArgumentException("no Open Inference datatype for " + tensorFlowDtype);
    };
  }
}
