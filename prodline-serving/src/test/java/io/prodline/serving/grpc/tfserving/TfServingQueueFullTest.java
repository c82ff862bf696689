package io.prodline.serving.grpc.tfserving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.batching.BatchObserver;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.grpc.GrpcServer;
import io.prodline.serving.grpc.tfserving.proto.DataType;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.grpc.tfserving.proto.TensorShapeProto;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full batching queue answers TF Serving's Predict with UNAVAILABLE, as TF Serving itself answers it and its clients
 * retry.
 * The server is assembled by hand, as {@code ModelApiTest} assembles the REST API, so that a gated model holds the
 * batch dispatcher and a queue of one fills deterministically.
 */
class TfServingQueueFullTest {
  private static final PredictRequest REQUEST = PredictRequest.newBuilder()
      .setModelSpec(ModelSpec.newBuilder().setName("gated"))
      .putInputs("x", TensorProto.newBuilder().setDtype(DataType.DT_DOUBLE)
          .setTensorShape(TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(1)))
          .addDoubleVal(1).build())
      .build();

  @TempDir
  Path root;

  /** The depth of the one batching queue there is. */
  private static final class QueueDepth implements BatchObserver {
    private volatile IntSupplier depth = () -> 0;

    int waiting() {
      return depth.getAsInt();
    }

    @Override
    public void queueCreated(String model, long version, IntSupplier depth) {
      this.depth = depth;
    }

    @Override
    public void queueRetired(String model, long version) {}

    @Override
    public void batchRan(String model, long version, int rows) {}
  }

  @Test
  void aFullBatchingQueueIsUnavailableAsTfServingAnswersIt() throws Exception {
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    TestBundles.write(root, "gated", 1, Task.REGRESSION, List.of(),
        List.of(TestBundles.field("x", ColumnType.FLOAT64)), "gate\n1\n");
    // Workers that refuse every batch make the dispatcher run it, so the gated model holds the dispatcher and the
    // queue (one request) fills; requests are decoded on the calling thread.
    Executor refusing = task -> {
      throw new RejectedExecutionException("busy");
    };
    QueueDepth depth = new QueueDepth();
    try (ModelRepository repository = ModelRepository.scan(root); Deadlines deadlines = new Deadlines();
        ServingMetrics metrics = new ServingMetrics();
        Batchers batchers = new Batchers(new BatchingConfig(1, Duration.ofMillis(1), 1), refusing, depth)) {
      RequestRunner runner = new RequestRunner(repository, Runnable::run, new Inference(batchers, null),
          RequestLimits.DEFAULT, deadlines, metrics);
      GrpcServer server = GrpcServer.start("127.0.0.1", 0, new V2Inference(runner, Readiness.ofModels(repository)),
          runner, 1 << 20, null);
      ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(),
          InsecureChannelCredentials.create()).build();
      try {
        PredictionServiceGrpc.PredictionServiceFutureStub async = PredictionServiceGrpc.newFutureStub(channel);
        ListenableFuture<PredictResponse> running = async.predict(REQUEST);
        Eventually.await("the first request reaches the model", () -> LinearTestRuntimeProvider.RUNNING.get() > 0);
        ListenableFuture<PredictResponse> queued = async.predict(REQUEST);
        Eventually.await("the second request waits in the batching queue", () -> depth.waiting() > 0);

        assertThatThrownBy(() -> PredictionServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(30, TimeUnit.SECONDS).predict(REQUEST))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
              assertThat(e.getStatus().getDescription()).isEqualTo("the batching queue of model 'gated' version 1 "
                  + "is full (limit: 1 waiting requests); retry later");
            });

        LinearTestRuntimeProvider.GATE.countDown();
        assertThat(running.get(30, TimeUnit.SECONDS).getOutputsOrThrow("predictions").getFloatValList())
            .containsExactly(1f);
        assertThat(queued.get(30, TimeUnit.SECONDS).getOutputsOrThrow("predictions").getFloatValList())
            .containsExactly(1f);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow();
      }
    } finally {
      LinearTestRuntimeProvider.GATE.countDown();
    }
  }
}
