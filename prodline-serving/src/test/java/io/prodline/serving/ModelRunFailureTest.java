package io.prodline.serving;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ModelRunException;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose runtime fails while predicting ({@link ModelRunException}, as ONNX Runtime's errors become) is the
 * server's failure, not the client's: 500 on both REST APIs and INTERNAL over gRPC, never 400 / INVALID_ARGUMENT,
 * with a sentence naming the request and none of the runtime's words.
 */
class ModelRunFailureTest {
  @TempDir
  static Path root;
  static ModelServer server;
  static HttpTestClient rest;
  static ManagedChannel channel;

  @BeforeAll
  static void start() {
    TestBundles.write(root, "crashing", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)),
        "fail run\n1\n");
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0, 0);
    rest = new HttpTestClient(server.actualPort());
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  @Test
  void isA500OnTheTensorFlowServingApi() {
    Answer answer = rest.post("/v1/models/crashing:predict", "{\"instances\": [{\"x\": 1}]}");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error()).isEqualTo("the model failed to run while answering POST "
        + "/v1/models/crashing:predict; the details are in the server log");
  }

  @Test
  void isA500OnTheOpenInferenceProtocol() {
    Answer answer = rest.post("/v2/models/crashing/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error()).isEqualTo("the model failed to run while answering POST "
        + "/v2/models/crashing/infer; the details are in the server log");
  }

  @Test
  void isInternalOverGrpc() {
    ModelInferRequest request = ModelInferRequest.newBuilder().setModelName("crashing")
        .addInputs(InferInputTensor.newBuilder().setName("x").setDatatype("FP64").addShape(1)
            .setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
        .build();
    assertThatThrownBy(() -> GRPCInferenceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS).modelInfer(request))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
          assertThat(e.getStatus().getDescription()).isEqualTo(
              "the model failed to run while answering ModelInfer crashing; the details are in the server log");
        });
  }
}
