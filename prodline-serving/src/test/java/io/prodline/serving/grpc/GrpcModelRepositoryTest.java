package io.prodline.serving.grpc;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.prodline.serving.grpc.v2.ModelReadyRequest;
import io.prodline.serving.grpc.v2.ModelRepositoryParameter;
import io.prodline.serving.grpc.v2.RepositoryIndexRequest;
import io.prodline.serving.grpc.v2.RepositoryIndexResponse.ModelIndex;
import io.prodline.serving.grpc.v2.RepositoryModelLoadRequest;
import io.prodline.serving.grpc.v2.RepositoryModelUnloadRequest;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triton's model repository RPCs on the gRPC port, as {@code tritonclient.grpc}'s {@code get_model_repository_index},
 * {@code load_model} and {@code unload_model} call them: behind the management token, sent as metadata, and
 * refused on a server without a management API.
 */
class GrpcModelRepositoryTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  Path root;
  ModelServer server;
  ManagedChannel channel;

  private GRPCInferenceServiceBlockingStub start(boolean management, String token) {
    TestBundles.write(root, "m", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "1");
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1");
    server = new ModelServer(management ? config.withManagement(ManagementOptions.on(0, TOKEN)) : config)
        .start(0, 0);
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
    GRPCInferenceServiceBlockingStub stub = GRPCInferenceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS);
    if (token == null) {
      return stub;
    }
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void withTheTokenTheIndexLoadAndUnloadWorkAsOnTheManagementPort() {
    GRPCInferenceServiceBlockingStub stub = start(true, TOKEN);
    assertThat(stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()).getModelsList())
        .extracting(ModelIndex::getName, ModelIndex::getVersion, ModelIndex::getState)
        .containsExactly(tuple("m", "1", "READY"));

    stub.repositoryModelUnload(RepositoryModelUnloadRequest.newBuilder().setModelName("m").build());
    assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("m").build()).getReady()).isFalse();
    assertThat(stub.repositoryIndex(RepositoryIndexRequest.newBuilder().setReady(true).build()).getModelsCount())
        .isZero();
    ModelIndex unloaded = stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()).getModels(0);
    assertThat(unloaded.getState()).isEqualTo("UNAVAILABLE");
    assertThat(unloaded.getReason()).isEqualTo("unloaded");

    stub.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName("m").build());
    assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("m").build()).getReady()).isTrue();

    assertStatus(() -> stub.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName("m")
            .putParameters("config", ModelRepositoryParameter.newBuilder().setStringParam("{}").build()).build()),
        Status.Code.INVALID_ARGUMENT, "load takes no parameters here");
    assertStatus(() -> stub.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName("nope").build()),
        Status.Code.NOT_FOUND, "model 'nope' not found in the repository");
  }

  @Test
  void withoutTheTokenTheRepositoryRpcsAreUnauthenticatedAndInferenceIsUntouched() {
    GRPCInferenceServiceBlockingStub stub = start(true, "not-the-token-not-the-token");
    assertStatus(() -> stub.repositoryIndex(RepositoryIndexRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED,
        "RepositoryIndex needs the metadata 'authorization: Bearer <token>' with the server's management token");
    assertStatus(() -> stub.repositoryModelUnload(RepositoryModelUnloadRequest.newBuilder().setModelName("m").build()),
        Status.Code.UNAUTHENTICATED, "RepositoryModelUnload needs the metadata");
    assertThat(stub.modelReady(ModelReadyRequest.newBuilder().setName("m").build()).getReady()).isTrue();
  }

  @Test
  void aServerWithoutManagementRefusesThemSayingWhatToStart() {
    GRPCInferenceServiceBlockingStub stub = start(false, TOKEN);
    assertStatus(() -> stub.repositoryModelLoad(RepositoryModelLoadRequest.newBuilder().setModelName("m").build()),
        Status.Code.FAILED_PRECONDITION, "RepositoryModelLoad needs the management API: start the server with "
            + "--management-port and a management token");
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).startsWith(message);
    });
  }
}
