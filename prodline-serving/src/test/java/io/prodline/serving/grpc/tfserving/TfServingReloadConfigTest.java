package io.prodline.serving.grpc.tfserving;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.prodline.serving.grpc.tfserving.proto.Code;
import io.prodline.serving.grpc.tfserving.proto.FileSystemStoragePathSourceConfig.ServableVersionPolicy;
import io.prodline.serving.grpc.tfserving.proto.GetModelStatusRequest;
import io.prodline.serving.grpc.tfserving.proto.ModelConfig;
import io.prodline.serving.grpc.tfserving.proto.ModelConfigList;
import io.prodline.serving.grpc.tfserving.proto.ModelServerConfig;
import io.prodline.serving.grpc.tfserving.proto.ModelServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.ModelServiceGrpc.ModelServiceBlockingStub;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.ModelVersionStatus;
import io.prodline.serving.grpc.tfserving.proto.ReloadConfigRequest;
import io.prodline.serving.grpc.tfserving.proto.ReloadConfigResponse;
import io.prodline.serving.management.ManagementOptions;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TF Serving's {@code ModelService.HandleReloadConfigRequest}, as {@code tensorflow-serving-api}'s
 * {@code ModelServiceStub} sends it: the listed models, and only they, served with their policies and labels, behind
 * the management token.
 */
class TfServingReloadConfigTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir
  Path root;
  ModelServer server;
  ManagedChannel channel;
  ModelServiceBlockingStub models;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(root.resolve("models.yaml"), "models:\n  m: {version_policy: all}\n");
    for (String model : List.of("m", "other")) {
      for (long version = 1; version <= 2; version++) {
        TestBundles.write(root, model, version, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
            Long.toString(version));
      }
    }
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withManagement(ManagementOptions.on(0, TOKEN))).start(0, 0);
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
    models = withToken(TOKEN);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  private ModelServiceBlockingStub withToken(String token) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    return ModelServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static ReloadConfigRequest reload(ModelConfig... configs) {
    return ReloadConfigRequest.newBuilder().setConfig(ModelServerConfig.newBuilder()
        .setModelConfigList(ModelConfigList.newBuilder().addAllConfig(List.of(configs)))).build();
  }

  private List<Long> availableVersions(ModelSpec.Builder spec) {
    return models.getModelStatus(GetModelStatusRequest.newBuilder().setModelSpec(spec).build())
        .getModelVersionStatusList().stream()
        .filter(status -> status.getState() == ModelVersionStatus.State.AVAILABLE)
        .map(ModelVersionStatus::getVersion).toList();
  }

  @Test
  void servesOnlyTheListedModelsWithTheirPoliciesAndLabels() {
    assertThat(availableVersions(ModelSpec.newBuilder().setName("m"))).containsExactly(2L, 1L);
    assertThat(availableVersions(ModelSpec.newBuilder().setName("other"))).containsExactly(2L);

    ReloadConfigResponse response = models.handleReloadConfigRequest(reload(ModelConfig.newBuilder()
        .setName("m").setBasePath(root.resolve("m").toString()).setModelPlatform("tensorflow")
        .setModelVersionPolicy(ServableVersionPolicy.newBuilder().setSpecific(
            ServableVersionPolicy.Specific.newBuilder().addVersions(1)))
        .putVersionLabels("stable", 1).build()));

    assertThat(response.getStatus().getErrorCode()).isEqualTo(Code.OK);
    assertThat(availableVersions(ModelSpec.newBuilder().setName("m"))).containsExactly(1L);
    assertThat(availableVersions(ModelSpec.newBuilder().setName("m").setVersionLabel("stable")))
        .containsExactly(1L);
    assertStatus(() -> models.getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName("other")).build()), Status.Code.NOT_FOUND, "model 'other'");
  }

  @Test
  void theRequestsConfigStandsInForTheModelConfigFileUntilRestart() throws Exception {
    models.handleReloadConfigRequest(reload(ModelConfig.newBuilder().setName("other").build()));
    // The file, edited since, is not read by the scan the next reload makes: only the request's models serve.
    Files.writeString(root.resolve("models.yaml"), "models:\n  m: {version_policy: all}\n  other: {}\n");
    models.handleReloadConfigRequest(reload(ModelConfig.newBuilder().setName("other")
        .setModelVersionPolicy(ServableVersionPolicy.newBuilder().setAll(ServableVersionPolicy.All.newBuilder()))
        .build()));
    assertThat(availableVersions(ModelSpec.newBuilder().setName("other"))).containsExactly(2L, 1L);
    assertStatus(() -> models.getModelStatus(GetModelStatusRequest.newBuilder()
        .setModelSpec(ModelSpec.newBuilder().setName("m")).build()), Status.Code.NOT_FOUND, "model 'm'");
  }

  @Test
  void refusesConfigsItCannotServeAndClientsWithoutTheToken() {
    assertStatus(() -> models.handleReloadConfigRequest(reload(ModelConfig.newBuilder().setName("m")
        .setBasePath("/elsewhere/m").build())), Status.Code.INVALID_ARGUMENT, "the request's config: "
            + "model_config_list.config[0] ('m') has base_path /elsewhere/m, but prodline serves every model from "
            + "one directory");
    assertStatus(() -> models.handleReloadConfigRequest(reload(ModelConfig.newBuilder().setName("ghost").build())),
        Status.Code.INVALID_ARGUMENT, "failed to load 'ghost': the repository has no directory ghost");
    assertStatus(() -> withToken("not-the-token-not-the-token").handleReloadConfigRequest(
        reload(ModelConfig.newBuilder().setName("m").build())), Status.Code.UNAUTHENTICATED,
        "HandleReloadConfigRequest needs the metadata 'authorization: Bearer <token>'");
  }

  private static void assertStatus(Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).startsWith(message);
    });
  }
}
