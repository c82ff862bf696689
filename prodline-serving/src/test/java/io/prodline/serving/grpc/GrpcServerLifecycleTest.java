package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestRepository;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gRPC listener's part in the server's life cycle: off by default, drained on stop, bind failures. */
class GrpcServerLifecycleTest {
  @TempDir
  Path root;

  @Test
  void isOffUnlessAPortIsGiven() {
    TestRepository.create(root);
    try (ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0)) {
      assertThatThrownBy(server::actualGrpcPort).isInstanceOf(IllegalStateException.class)
          .hasMessage("the server is not running with gRPC");
    }
  }

  @Test
  void stopLetsACallInFlightFinish() throws Exception {
    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0, 0);
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
    try {
      ModelInferRequest slow = ModelInferRequest.newBuilder().setModelName("slow")
          .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32").addShape(1)
              .setContents(InferTensorContents.newBuilder().addFp32Contents(7f)))
          .build();
      CompletableFuture<ModelInferResponse> call = CompletableFuture.supplyAsync(() ->
          GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).modelInfer(slow));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (LinearTestRuntimeProvider.RUNNING.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      server.stop();
      assertThat(call.get(10, TimeUnit.SECONDS).getOutputs(0).getContents().getFp32ContentsList())
          .containsExactly(7f);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    }
  }

  @Test
  void aTakenGrpcPortFailsTheStartAndReleasesTheRestPort() throws Exception {
    TestRepository.create(root);
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1"));
      assertThatThrownBy(() -> server.start(0, taken.getLocalPort())).isInstanceOf(ProdlineException.class)
          .hasMessageStartingWith("cannot listen for gRPC on 127.0.0.1:" + taken.getLocalPort());
      assertThatThrownBy(server::actualPort).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void theStandardHealthServiceAndReflectionAnswer() throws Exception {
    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0, 0);
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.actualGrpcPort(),
        InsecureChannelCredentials.create()).build();
    try {
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
      assertThat(health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      assertThat(health.check(HealthCheckRequest.newBuilder().setService("houses").build()).getStatus())
          .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
      assertThatThrownBy(() -> health.check(HealthCheckRequest.newBuilder().setService("nosuch").build()))
          .isInstanceOfSatisfying(StatusRuntimeException.class,
              e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));

      CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
      StreamObserver<ServerReflectionRequest> reflection = ServerReflectionGrpc.newStub(channel)
          .serverReflectionInfo(new StreamObserver<>() {
            @Override
            public void onNext(ServerReflectionResponse response) {
              listed.complete(response);
            }

            @Override
            public void onError(Throwable t) {
              listed.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {}
          });
      reflection.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
      assertThat(listed.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList())
          .extracting(ServiceResponse::getName)
          .contains("inference.GRPCInferenceService", "grpc.health.v1.Health");
      reflection.onCompleted();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.stop();
    }
  }

  /** A stop closes gRPC health at its start and again at the end; gRPC warns, with a stack trace, when told twice. */
  @Test
  void aStopLogsNoWarningFromGrpcHealth() {
    TestRepository.create(root);
    Logger grpcHealth = Logger.getLogger("io.grpc.protobuf.services.HealthServiceImpl");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    grpcHealth.addHandler(handler);
    try {
      new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0, 0).stop();
    } finally {
      grpcHealth.removeHandler(handler);
    }
    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
  }
}
