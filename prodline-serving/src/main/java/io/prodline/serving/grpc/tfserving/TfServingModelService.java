package io.prodline.serving.grpc.tfserving;

import io.grpc.Status;
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
import io.prodline.serving.protocol.TfServingVersionStatus;

/**
 * {@code tensorflow.serving.ModelService}: {@code GetModelStatus} reports what REST {@code GET /v1/models/<name>}
 * reports, answered on the network thread from the routing snapshot. {@code HandleReloadConfigRequest} answers
 * UNIMPLEMENTED: prodline's models follow the model repository, and changing them is the management API's job,
 * behind its own port and token, not something any client of the inference port may do.
 */
public final class TfServingModelService extends ModelServiceGrpc.ModelServiceImplBase {
  private final ServableManager servables;

  public TfServingModelService(ServableManager servables) {
    this.servables = servables;
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
    answer.onError(Status.UNIMPLEMENTED.withDescription("HandleReloadConfigRequest is not implemented by prodline; "
        + "models follow the model repository and its models.yaml, and the management API (--management-port) "
        + "reloads, unloads, rolls back and labels them").asRuntimeException());
  }
}
