package io.prodline.serving.grpc.tfserving;

import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.prodline.serving.grpc.GrpcAnswers;
import io.prodline.serving.grpc.tfserving.proto.Code;
import io.prodline.serving.grpc.tfserving.proto.GetModelStatusRequest;
import io.prodline.serving.grpc.tfserving.proto.GetModelStatusResponse;
import io.prodline.serving.grpc.tfserving.proto.ModelServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.ModelVersionStatus;
import io.prodline.serving.grpc.tfserving.proto.ReloadConfigRequest;
import io.prodline.serving.grpc.tfserving.proto.ReloadConfigResponse;
import io.prodline.serving.grpc.tfserving.proto.StatusProto;
import io.prodline.serving.lifecycle.ModelSnapshot;
import io.prodline.serving.lifecycle.ServableManager;
import io.prodline.serving.lifecycle.VersionStatus;
import io.prodline.serving.management.ModelControl;
import io.prodline.serving.protocol.TfServingVersionStatus;
import io.prodline.serving.repository.TfServingConfigFile;
import java.util.concurrent.CompletableFuture;

/**
 * {@code tensorflow.serving.ModelService}: {@code GetModelStatus} reports what REST {@code GET /v1/models/<name>}
 * reports, answered on the network thread from the routing snapshot. {@code HandleReloadConfigRequest} serves the
 * {@code ModelServerConfig} it carries in place of the model config file, as TF Serving does, and answers once every
 * model it lists serves. It changes what the server serves, so, like Triton's repository calls, it needs the
 * management token ({@code authorization: Bearer <token>} metadata) and a server with a management API; the
 * interceptor {@link io.prodline.serving.grpc.GrpcServer} puts in front of this service sees to it.
 */
public final class TfServingModelService extends ModelServiceGrpc.ModelServiceImplBase {
  private final ServableManager servables;
  /** The management API's model control, or {@code null} when the server has none (reloads are then refused). */
  private final ModelControl control;

  public TfServingModelService(ServableManager servables, ModelControl control) {
    this.servables = servables;
    this.control = control;
  }

  @Override
  public void getModelStatus(GetModelStatusRequest request, StreamObserver<GetModelStatusResponse> answer) {
    ModelSpec spec = request.getModelSpec();
    GrpcAnswers.TF_SERVING.now("GetModelStatus " + spec.getName(), answer, () -> {
      ModelSnapshot model = servables.snapshot().model(ModelSpecs.model(spec));
      GetModelStatusResponse.Builder response = GetModelStatusResponse.newBuilder();
      for (VersionStatus version : model.statuses(ModelSpecs.selector(spec))) {
        TfServingVersionStatus status = TfServingVersionStatus.of(version);
        response.addModelVersionStatusBuilder()
            .setVersion(status.version())
            .setState(ModelVersionStatus.State.valueOf(status.state()))
            .setStatus(StatusProto.newBuilder().setErrorCode(Code.valueOf(status.errorCode()))
                .setErrorMessage(status.errorMessage()));
      }
      return response.build();
    });
  }

  @Override
  public void handleReloadConfigRequest(ReloadConfigRequest request, StreamObserver<ReloadConfigResponse> answer) {
    CompletableFuture<Void> replaced;
    try {
      replaced = control.replaceConfig(TfServingConfigFile.of(request.getConfig(), control.repositoryRoot(),
          "the request's config"));
    } catch (RuntimeException e) {
      replaced = CompletableFuture.failedFuture(e);
    }
    GrpcAnswers.TF_SERVING.whenDone("HandleReloadConfigRequest", Context.current(), replaced,
        nothing -> ReloadConfigResponse.newBuilder()
            .setStatus(StatusProto.newBuilder().setErrorCode(Code.OK)).build(), answer);
  }
}
