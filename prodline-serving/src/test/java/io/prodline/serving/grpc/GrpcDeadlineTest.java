package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc.GRPCInferenceServiceFutureStub;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ServerLiveRequest;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.PrometheusTextFormat;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's deadline and cancellation over gRPC. The server has one prediction worker, which a first call holds
 * on a gated model, so a second call waits in the worker queue while its deadline passes or its client cancels;
 * it must be answered then, counted, and never reach the model once the worker is free.
 */
class GrpcDeadlineTest {
  /** Far beyond the test's patience, so only the client's deadline can end a waiting call. */
  private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(5);
  private static final ModelInferRequest REQUEST = ModelInferRequest.newBuilder().setModelName("gated")
      .addInputs(InferInputTensor.newBuilder().setName("x").setDatatype("FP64").addShape(1)
          .setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
      .build();

  @TempDir
  static Path root;
  static ModelServer server;
  static ManagedChannel channel;
  static HttpTestClient rest;
  ListenableFuture<ModelInferResponse> holding;
  int passedBefore;

  @BeforeAll
  static void start() {
    TestRepository.gated(root);
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1").withWorkers(1, 16)
        .withBatching(BatchingConfig.OFF)
        .withLimits(new RequestLimits(RequestLimits.DEFAULT_MAX_ROWS, SERVER_TIMEOUT, false))).start(0, 0);
    channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
    rest = new HttpTestClient(server.actualPort());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.stop();
  }

  private static GRPCInferenceServiceBlockingStub blocking() {
    return GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  private static GRPCInferenceServiceFutureStub future() {
    return GRPCInferenceServiceGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @BeforeEach
  void holdTheOnlyWorker() {
    passedBefore = LinearTestRuntimeProvider.GATE_PASSED.get();
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    holding = future().modelInfer(REQUEST);
    Eventually.await("the first call holds the only worker", () -> LinearTestRuntimeProvider.RUNNING.get() > 0);
  }

  @AfterEach
  void releaseTheWorker() {
    LinearTestRuntimeProvider.GATE.countDown();
  }

  @Test
  void aClientDeadlineBeforeTheServersTimeoutEndsTheWaitingCall() throws Exception {
    assertThatThrownBy(() -> blocking().withDeadlineAfter(200, TimeUnit.MILLISECONDS).modelInfer(REQUEST))
        .isInstanceOfSatisfying(StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    // Counted by the server at the client's deadline, while the model is still held.
    Eventually.await("the server counts the call as past its deadline", () -> count("504") == 1);

    assertThatTheWaitingCallNeverReachesTheModel();
  }

  @Test
  void aCancelledCallIsCountedAndNeverPredicted() throws Exception {
    ListenableFuture<ModelInferResponse> cancelled = future().modelInfer(REQUEST);
    // Calls on one connection are taken in order, and ModelInfer queues its work on the network thread, so once a
    // later call is answered the server holds the first.
    assertThat(blocking().serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
    cancelled.cancel(true);
    Eventually.await("the server counts the call as cancelled", () -> count("499") == 1);

    assertThatTheWaitingCallNeverReachesTheModel();
  }

  /** Frees the worker; a call sent after the waiting one is answered only once the worker has passed over it. */
  private void assertThatTheWaitingCallNeverReachesTheModel() throws Exception {
    LinearTestRuntimeProvider.GATE.countDown();
    assertThat(holding.get(30, TimeUnit.SECONDS).getOutputs(0).getContents().getFp32ContentsList())
        .containsExactly(1f);
    assertThat(blocking().modelInfer(REQUEST).getOutputs(0).getContents().getFp32ContentsList())
        .containsExactly(1f);
    assertThat(LinearTestRuntimeProvider.GATE_PASSED.get() - passedBefore).as("predictions made").isEqualTo(2);
  }

  /** How many gRPC calls to the gated model the server counted with that (HTTP) status. */
  private static int count(String status) {
    return PrometheusTextFormat.requestsCounted(rest.get("/metrics").body(), "gated", "grpc", status);
  }
}
