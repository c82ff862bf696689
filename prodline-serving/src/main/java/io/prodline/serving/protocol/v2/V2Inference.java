package io.prodline.serving.protocol.v2;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.schema.Field;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.lifecycle.VersionState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The Open Inference Protocol's operations on the model repository, shared by the REST and gRPC transports so
 * that both resolve versions, check tensors and shape answers identically.
 *
 * <p>A version is named by a string in this protocol; the empty string means the highest available version, as
 * in the TF Serving API. Inference runs on {@code predictExecutor}, never on the caller's thread, because callers
 * are network event loops. Errors are exceptions: {@link ModelNotFoundException} for an unknown model or
 * version, {@link BadRequestException} (a {@link io.prodline.core.error.ProdlineException}) for a bad request,
 * and {@link java.util.concurrent.RejectedExecutionException} when the workers are full or stopping; each
 * transport maps them to its own status codes.
 */
public final class V2Inference {
  /** The one output of every prodline model. */
  public static final String OUTPUT = "predictions";
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private final ServableManager servables;
  private final Executor predictExecutor;
  private final ServerMetadata serverMetadata = ServerMetadata.current();

  public V2Inference(ServableManager servables, Executor predictExecutor) {
    this.servables = servables;
    this.predictExecutor = predictExecutor;
  }

  public ServerMetadata serverMetadata() {
    return serverMetadata;
  }

  /**
   * Ready when every model has a version that can answer, as Triton's strict readiness: a probe that passes while
   * a model cannot answer would send traffic that fails. A stopping server closes its ports, which probes see.
   */
  public boolean ready() {
    var snapshot = servables.snapshot();
    for (String name : snapshot.names()) {
      if (snapshot.model(name).latestAvailable().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Whether that version (empty: the default one) can answer; {@link ModelNotFoundException} for unknown ones. */
  public boolean modelReady(String model, String version) {
    ModelSnapshot served = servables.snapshot().model(model);
    if (version.isEmpty()) {
      return served.latestAvailable().isPresent();
    }
    return served.status(selector(model, version)).state() == VersionState.AVAILABLE;
  }

  public ModelMetadata metadata(String model, String version) {
    ModelSnapshot served = servables.snapshot().model(model);
    BundleManifest manifest;
    try (VersionHandle handle = servables.acquire(model, selector(model, version))) {
      manifest = handle.predictor().bundle().manifest();
    }
    List<String> versions = served.statuses().stream().filter(v -> v.state() == VersionState.AVAILABLE)
        .map(v -> Long.toString(v.version())).toList();
    List<TensorMetadata> inputs = manifest.inputs().stream()
        .map(f -> new TensorMetadata(f.name(), datatype(f.type()).name(), new long[] {-1})).toList();
    long[] outputShape = manifest.task() == Task.MULTICLASS_CLASSIFICATION
        ? new long[] {-1, manifest.classes().size()} : new long[] {-1};
    return new ModelMetadata(model, versions, "prodline_" + manifest.runtime(), inputs,
        List.of(new TensorMetadata(OUTPUT, DataType.FP32.name(), outputShape)));
  }

  /**
   * Runs {@code request} on that version (empty: the default one). The request is decoded by the supplier on a
   * worker too, since decoding a large body is real work. The version is held from lookup until the answer is
   * ready, so a version being swapped out answers before it is unloaded. Every failure completes the future
   * exceptionally.
   */
  public CompletableFuture<InferenceResult> infer(String model, String version, Supplier<InferenceRequest> request) {
    VersionHandle handle;
    try {
      handle = servables.acquire(model, selector(model, version));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    try {
      return CompletableFuture.supplyAsync(() -> run(handle, request.get()), predictExecutor)
          .whenComplete((result, error) -> handle.close());
    } catch (RuntimeException e) {
      handle.close();
      return CompletableFuture.failedFuture(e);
    }
  }

  private static InferenceResult run(VersionHandle version, InferenceRequest request) {
    List<Field> inputs = version.predictor().bundle().manifest().inputs();
    Frame frame = FrameAssembler.assemble(request.inputs(), inputs);
    Predictions predictions = version.predictor().predict(frame);
    long[] shape = predictions.task() == Task.MULTICLASS_CLASSIFICATION
        ? new long[] {predictions.rows(), predictions.width()} : new long[] {predictions.rows()};
    List<OutputTensor> outputs = new ArrayList<>();
    if (request.outputs().isEmpty()) {
      outputs.add(new OutputTensor(OUTPUT, DataType.FP32, shape, predictions.values(), request.binaryOutputs()));
    }
    for (RequestedOutput asked : request.outputs()) {
      if (!OUTPUT.equals(asked.name())) {
        throw new BadRequestException("unknown output '" + asked.name() + "'; the model has [" + OUTPUT + "]");
      }
      outputs.add(new OutputTensor(OUTPUT, DataType.FP32, shape, predictions.values(), asked.binary()));
    }
    return new InferenceResult(version.model(), Long.toString(version.version()), request.id(), outputs);
  }

  /** The version a protocol version string names: empty for the default one, else a positive integer. */
  private static VersionSelector selector(String model, String version) {
    if (version.isEmpty()) {
      return VersionSelector.LATEST;
    }
    if (!VERSION.matcher(version).matches()) {
      throw new ModelNotFoundException("model '" + model + "' has no version '" + version
          + "'; versions are positive integers");
    }
    return VersionSelector.number(Long.parseLong(version));
  }

  /** The protocol datatype a feature of that type is described with. */
  static DataType datatype(ColumnType type) {
    return switch (type) {
      case FLOAT64 -> DataType.FP64;
      case INT64 -> DataType.INT64;
      case BOOL -> DataType.BOOL;
      case STRING -> DataType.BYTES;
    };
  }
}
