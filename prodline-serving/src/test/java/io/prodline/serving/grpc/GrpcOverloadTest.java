package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.FullBatchingQueue;
import io.prodline.serving.testing.GrpcOnRunner;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overloaded server tells a gRPC client when to retry, as {@code Retry-After} tells a REST client: the status
 * code, the {@code grpc-retry-pushback-ms} trailer and a {@code google.rpc.RetryInfo} detail, read back by a real
 * client from a real gRPC listener.
 */
class GrpcOverloadTest {
  private static final Metadata.Key<String> PUSHBACK =
      Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

  @TempDir
  Path root;

  /** One row, x = 1, for a model whose one input is {@code x}, such as {@code gated} and {@code slow}. */
  private static ModelInferRequest xIsOne(String model) {
    return ModelInferRequest.newBuilder().setModelName(model)
        .addInputs(InferInputTensor.newBuilder().setName("x").setDatatype("FP64").addShape(1)
            .setContents(InferTensorContents.newBuilder().addFp64Contents(1)))
        .build();
  }

  @Test
  void aFullBatchingQueueIsResourceExhaustedWithARetryHint() throws Exception {
    try (FullBatchingQueue full = new FullBatchingQueue(root)) {
      StatusRuntimeException refused = GrpcOnRunner.served(full.runner(), full.v2(), channel -> {
        FullBatchingQueue.Sent<ModelInferResponse> sent = full.sendUntilRefused(() -> infer(channel, xIsOne("gated")));
        assertThat(sent.answered()).allSatisfy(answer ->
            assertThat(answer.join().getOutputs(0).getContents().getFp32ContentsList()).containsExactly(1f));
        return failure(sent.refused());
      });

      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
      assertThat(refused.getStatus().getDescription())
          .isEqualTo("the batching queue of model 'gated' version 1 is full (limit: 1 waiting requests); retry later");
      assertRetryHint(refused, Status.Code.RESOURCE_EXHAUSTED);
    }
  }

  @Test
  void aFullWorkerQueueIsUnavailableWithARetryHint() throws Exception {
    Executor full = task -> {
      throw new RejectedExecutionException("full");
    };
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root));
        Deadlines deadlines = new Deadlines(); ServingMetrics metrics = new ServingMetrics()) {
      RequestRunner runner = new RequestRunner(repository, full, Inference.alone(), RequestLimits.DEFAULT,
          deadlines, metrics);
      StatusRuntimeException refused = GrpcOnRunner.served(runner,
          new V2Inference(runner, Readiness.ofModels(repository)),
          channel -> failure(infer(channel, xIsOne("slow"))));

      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(refused.getStatus().getDescription())
          .isEqualTo("the server is at capacity or shutting down; retry later");
      assertRetryHint(refused, Status.Code.UNAVAILABLE);
    }
  }

  /** The pushback trailer in milliseconds and the RetryInfo detail, both of REST's one second. */
  private static void assertRetryHint(StatusRuntimeException refused, Status.Code code)
      throws InvalidProtocolBufferException {
    assertThat(refused.getTrailers().get(PUSHBACK)).isEqualTo("1000");
    com.google.rpc.Status details = StatusProto.fromThrowable(refused);
    assertThat(details).isNotNull();
    assertThat(details.getCode()).isEqualTo(code.value());
    assertThat(details.getMessage()).isEqualTo(refused.getStatus().getDescription());
    assertThat(details.getDetailsList()).hasSize(1);
    RetryInfo retry = details.getDetails(0).unpack(RetryInfo.class);
    assertThat(retry.getRetryDelay().getSeconds()).isEqualTo(1);
    assertThat(retry.getRetryDelay().getNanos()).isZero();
  }

  private static CompletableFuture<ModelInferResponse> infer(ManagedChannel channel, ModelInferRequest request) {
    return GrpcOnRunner.completable(GRPCInferenceServiceGrpc.newFutureStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS).modelInfer(request));
  }

  private static StatusRuntimeException failure(CompletableFuture<ModelInferResponse> call) {
    Throwable error = call.handle((response, e) -> e).join();
    assertThat(error).isInstanceOf(StatusRuntimeException.class);
    return (StatusRuntimeException) error;
  }
}
