package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.prodline.serving.grpc.v2.GRPCInferenceServiceGrpc;
import io.prodline.serving.grpc.v2.InferTensorContents;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferRequest.InferInputTensor;
import io.prodline.serving.grpc.v2.ModelStreamInferResponse;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Triton's {@code ModelStreamInfer}: one answer per request of a stream, failures as {@code error_message} without
 * ending it, the end after the last answer, and the requests of a cancelled stream abandoned. See
 * {@link TestRepository}; {@code gated} (regression, x) holds its requests until {@link LinearTestRuntimeProvider#GATE}
 * opens.
 */
class GrpcStreamInferTest {
  /** Two workers, so a request answers while another is held on the gated model. */
  @RegisterExtension
  static final TestServer served = new TestServer(config -> config.withWorkers(2, 16)).withGrpc().withModels(root -> {
    TestRepository.create(root);
    TestRepository.gated(root);
  });

  private static ModelInferRequest oneRow(String model, String id, String... inputs) {
    ModelInferRequest.Builder request = ModelInferRequest.newBuilder().setModelName(model).setId(id);
    for (String input : inputs) {
      request.addInputs(InferInputTensor.newBuilder().setName(input).setDatatype("FP32").addShape(1)
          .setContents(InferTensorContents.newBuilder().addFp32Contents(0.5f)));
    }
    return request.build();
  }

  /** Collects a stream's answers by request id, how many came, and how it ended; {@code call} cancels it. */
  private static final class Answers implements ClientResponseObserver<ModelInferRequest, ModelStreamInferResponse> {
    final Map<String, ModelStreamInferResponse> byId = new ConcurrentHashMap<>();
    final AtomicInteger count = new AtomicInteger();
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    volatile ClientCallStreamObserver<ModelInferRequest> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<ModelInferRequest> requests) {
      call = requests;
    }

    @Override
    public void onNext(ModelStreamInferResponse response) {
      count.incrementAndGet();
      byId.put(response.getInferResponse().getId(), response);
    }

    @Override
    public void onError(Throwable error) {
      ended.complete(error);
    }

    @Override
    public void onCompleted() {
      ended.complete(null);
    }
  }

  @Test
  void answersEveryRequestOfTheStreamAndEndsAfterTheLast() throws Exception {
    Answers answers = new Answers();
    StreamObserver<ModelInferRequest> requests =
        GRPCInferenceServiceGrpc.newStub(served.channel()).modelStreamInfer(answers);
    requests.onNext(oneRow("slow", "s", "x"));
    requests.onNext(oneRow("iris", "i", "x", "y"));
    requests.onNext(oneRow("nope", "n", "x"));
    requests.onNext(oneRow("iris", "bad", "x"));
    requests.onCompleted();

    assertThat(answers.ended.get(30, TimeUnit.SECONDS)).isNull();
    assertThat(answers.byId).containsOnlyKeys("s", "i", "n", "bad");
    assertThat(answers.byId.get("s").getErrorMessage()).isEmpty();
    assertThat(answers.byId.get("s").getInferResponse().getOutputs(0).getContents().getFp32ContentsList())
        .containsExactly(0.5f);
    assertThat(answers.byId.get("i").getInferResponse().getOutputs(0).getContents().getFp32ContentsList())
        .containsExactly(0.5f, 0.5f, 0.5f);
    assertThat(answers.byId.get("i").getInferResponse().getModelVersion()).isEqualTo("1");
    assertThat(answers.byId.get("n").getErrorMessage()).contains("model 'nope' not found");
    assertThat(answers.byId.get("n").getInferResponse().getModelName()).isEqualTo("nope");
    assertThat(answers.byId.get("bad").getErrorMessage()).contains("'y'");
    assertThat(answers.byId.get("i").getErrorMessage()).isEmpty();
    assertThat(answers.count).hasValue(4); // one answer per request
  }

  @Test
  void aCancelledStreamAbandonsTheRequestsStillRunning() throws Exception {
    Answers answers = new Answers();
    // A deadline far beyond the test, so that only the cancellation can end the held request.
    StreamObserver<ModelInferRequest> requests = GRPCInferenceServiceGrpc.newStub(served.channel())
        .withDeadlineAfter(10, TimeUnit.MINUTES).modelStreamInfer(answers);
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    int passedBefore = LinearTestRuntimeProvider.GATE_PASSED.get();
    try {
      requests.onNext(oneRow("gated", "held", "x"));
      // Requests of a stream arrive in order: once the second is answered, the first is running.
      requests.onNext(oneRow("iris", "after", "x", "y"));
      Eventually.await("the second request is answered", () -> answers.byId.containsKey("after"));
      answers.call.cancel("the client gives up", null);

      assertThat(answers.ended.get(30, TimeUnit.SECONDS)).isNotNull();
      // Abandoned, so counted as failed by the version that took it, while the model still holds it.
      Eventually.await("the abandoned request is counted", () -> stat("gated", "fail") == 1);
      // As a request whose client went away (499), not one past its deadline (504).
      assertThat(served.http().get("/metrics").body()).contains("prodline_request_duration_seconds_count"
          + "{model=\"gated\",protocol=\"grpc\",status=\"499\",version=\"1\"} 1");
    } finally {
      LinearTestRuntimeProvider.GATE.countDown();
    }
    Eventually.await("the model finishes the abandoned request",
        () -> LinearTestRuntimeProvider.GATE_PASSED.get() == passedBefore + 1);
    assertThat(stat("gated", "success")).isZero();
    assertThat(answers.byId).containsOnlyKeys("after");
    assertThat(answers.count).hasValue(1);
  }

  /** How many requests of {@code model} ended as {@code outcome} ({@code success} or {@code fail}). */
  private static long stat(String model, String outcome) {
    return served.http().get("/v2/models/" + model + "/stats").json().get("model_stats").get(0)
        .get("inference_stats").get(outcome).get("count").asLong();
  }
}
