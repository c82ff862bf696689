package io.prodline.serving.grpc;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.ModelConfigRequest;
import io.prodline.serving.grpc.v2.ModelConfigResponse;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelMetadataRequest;
import io.prodline.serving.grpc.v2.ModelMetadataResponse;
import io.prodline.serving.grpc.v2.ModelReadyRequest;
import io.prodline.serving.grpc.v2.ModelReadyResponse;
import io.prodline.serving.grpc.v2.ModelStatisticsRequest;
import io.prodline.serving.grpc.v2.ModelStatisticsResponse;
import io.prodline.serving.grpc.v2.ModelStreamInferResponse;
import io.prodline.serving.grpc.v2.RepositoryIndexRequest;
import io.prodline.serving.grpc.v2.RepositoryIndexResponse;
import io.prodline.serving.grpc.v2.RepositoryModelLoadRequest;
import io.prodline.serving.grpc.v2.RepositoryModelLoadResponse;
import io.prodline.serving.grpc.v2.RepositoryModelUnloadRequest;
import io.prodline.serving.grpc.v2.RepositoryModelUnloadResponse;
import io.prodline.serving.grpc.v2.ServerLiveRequest;
import io.prodline.serving.grpc.v2.ServerLiveResponse;
import io.prodline.serving.grpc.v2.ServerMetadataRequest;
import io.prodline.serving.grpc.v2.ServerMetadataResponse;
import io.prodline.serving.grpc.v2.ServerReadyRequest;
import io.prodline.serving.grpc.v2.ServerReadyResponse;
import io.prodline.serving.management.ModelControl;
import io.prodline.serving.management.RepositoryIndex;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.v2.InferenceResult;
import io.prodline.serving.protocol.v2.ModelMetadata;
import io.prodline.serving.protocol.v2.ServerMetadata;
import io.prodline.serving.protocol.v2.TensorMetadata;
import io.prodline.serving.protocol.v2.V2Inference;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code inference.GRPCInferenceService} on top of {@link V2Inference}. Calls arrive on gRPC's network threads:
 * readiness and metadata are answered there (they only read the lifecycle's routing snapshot); inference, decoding
 * included, runs on the prediction workers through the same pipeline as REST (batching, timeout, prediction log,
 * metrics under {@code protocol="grpc"}) and answers from there. Inference ends at the client's deadline
 * ({@code grpc-timeout}) when that comes before the server's request timeout, and as soon as the client cancels or
 * disconnects: a call nobody waits for any more is not decoded or predicted, nor kept in a batch. Triton's model
 * repository RPCs run the management API's {@link ModelControl}, behind its token ({@link ModelControlAuthorization});
 * its statistics and model configuration RPCs answer what REST's {@code /stats} and {@code /config} do, and its
 * streaming inference runs each request of a stream as {@code ModelInfer} does ({@link InferStream}).
 */
final class GrpcInferenceService extends GRPCInferenceServiceGrpc.GRPCInferenceServiceImplBase {
  private final V2Inference inference;
  /** Triton's model repository RPCs; {@link ModelControlAuthorization} lets them through only when it is not null. */
  private final ModelControl control;

  GrpcInferenceService(V2Inference inference, ModelControl control) {
    this.inference = inference;
    this.control = control;
  }

  @Override
  public void repositoryIndex(RepositoryIndexRequest request, StreamObserver<RepositoryIndexResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("RepositoryIndex", answer, () -> {
      RepositoryIndexResponse.Builder response = RepositoryIndexResponse.newBuilder();
      for (RepositoryIndex.Entry entry : control.index(request.getReady())) {
        response.addModelsBuilder().setName(entry.name()).setState(entry.state())
            .setVersion(entry.version() == null ? "" : entry.version())
            .setReason(entry.reason() == null ? "" : entry.reason());
      }
      return response.build();
    });
  }

  @Override
  public void repositoryModelLoad(RepositoryModelLoadRequest request,
      StreamObserver<RepositoryModelLoadResponse> answer) {
    repositoryAction("RepositoryModelLoad " + request.getModelName(),
        () -> control.load(request.getModelName(), request.getParametersCount() > 0),
        RepositoryModelLoadResponse.getDefaultInstance(), answer);
  }

  @Override
  public void repositoryModelUnload(RepositoryModelUnloadRequest request,
      StreamObserver<RepositoryModelUnloadResponse> answer) {
    repositoryAction("RepositoryModelUnload " + request.getModelName(), () -> control.unload(request.getModelName()),
        RepositoryModelUnloadResponse.getDefaultInstance(), answer);
  }

  /** Answers {@code done} once {@code action} has been carried out (its loads and unloads finished). */
  private static <T> void repositoryAction(String call, Supplier<CompletableFuture<Void>> action, T done,
      StreamObserver<T> answer) {
    CompletableFuture<Void> acted;
    try {
      acted = action.get();
    } catch (RuntimeException e) {
      acted = CompletableFuture.failedFuture(e);
    }
    GrpcAnswers.OPEN_INFERENCE.whenDone(call, Context.current(), acted, nothing -> done, answer);
  }

  @Override
  public void serverLive(ServerLiveRequest request, StreamObserver<ServerLiveResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ServerLive", answer, () -> ServerLiveResponse.newBuilder().setLive(true).build());
  }

  @Override
  public void serverReady(ServerReadyRequest request, StreamObserver<ServerReadyResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ServerReady", answer,
        () -> ServerReadyResponse.newBuilder().setReady(inference.ready()).build());
  }

  @Override
  public void modelReady(ModelReadyRequest request, StreamObserver<ModelReadyResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ModelReady", answer, () -> ModelReadyResponse.newBuilder()
        .setReady(inference.modelReady(request.getName(), request.getVersion())).build());
  }

  @Override
  public void serverMetadata(ServerMetadataRequest request, StreamObserver<ServerMetadataResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ServerMetadata", answer, () -> {
      ServerMetadata metadata = inference.serverMetadata();
      return ServerMetadataResponse.newBuilder().setName(metadata.name()).setVersion(metadata.version())
          .addAllExtensions(metadata.extensions()).build();
    });
  }

  @Override
  public void modelMetadata(ModelMetadataRequest request, StreamObserver<ModelMetadataResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ModelMetadata " + request.getName(), answer, () -> {
      ModelMetadata metadata = inference.metadata(request.getName(), request.getVersion());
      ModelMetadataResponse.Builder response = ModelMetadataResponse.newBuilder()
          .setName(metadata.name())
          .addAllVersions(metadata.versions())
          .setPlatform(metadata.platform());
      metadata.inputs().forEach(t -> response.addInputs(tensor(t)));
      metadata.outputs().forEach(t -> response.addOutputs(tensor(t)));
      return response.build();
    });
  }

  @Override
  public void modelStatistics(ModelStatisticsRequest request, StreamObserver<ModelStatisticsResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ModelStatistics " + request.getName(), answer,
        () -> GrpcStatistics.response(inference.statistics(request.getName(), request.getVersion())));
  }

  @Override
  public void modelConfig(ModelConfigRequest request, StreamObserver<ModelConfigResponse> answer) {
    GrpcAnswers.OPEN_INFERENCE.now("ModelConfig " + request.getName(), answer,
        () -> GrpcModelConfig.response(inference.config(request.getName(), request.getVersion())));
  }

  @Override
  public void modelInfer(ModelInferRequest request, StreamObserver<ModelInferResponse> answer) {
    String call = "ModelInfer " + request.getModelName();
    Context context = Context.current();
    CompletableFuture<InferenceResult> inferred = inference.infer(ServingMetrics.GRPC, request.getModelName(),
        request.getModelVersion(), inference.requestId(request.getId()), ClientContexts.timeLeft(context),
        () -> GrpcTensors.request(request));
    GrpcAnswers.OPEN_INFERENCE.whenDone(call, context, inferred, GrpcTensors::response, answer);
  }

  @Override
  public StreamObserver<ModelInferRequest> modelStreamInfer(StreamObserver<ModelStreamInferResponse> answers) {
    // A server call's answer stream is always a ServerCallStreamObserver.
    return new InferStream(inference, Context.current(), (ServerCallStreamObserver<ModelStreamInferResponse>) answers);
  }

  private static ModelMetadataResponse.TensorMetadata tensor(TensorMetadata t) {
    ModelMetadataResponse.TensorMetadata.Builder tensor = ModelMetadataResponse.TensorMetadata.newBuilder()
        .setName(t.name()).setDatatype(t.datatype());
    for (long dim : t.shape()) {
      tensor.addShape(dim);
    }
    return tensor.build();
  }
}
