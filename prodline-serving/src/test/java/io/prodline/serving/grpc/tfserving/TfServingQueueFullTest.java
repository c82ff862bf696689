package io.prodline.serving.grpc.tfserving;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.prodline.serving.grpc.tfserving.proto.DataType;
import io.prodline.serving.grpc.tfserving.proto.ModelSpec;
import io.prodline.serving.grpc.tfserving.proto.PredictRequest;
import io.prodline.serving.grpc.tfserving.proto.PredictResponse;
import io.prodline.serving.grpc.tfserving.proto.PredictionServiceGrpc;
import io.prodline.serving.grpc.tfserving.proto.TensorProto;
import io.prodline.serving.grpc.tfserving.proto.TensorShapeProto;
import io.prodline.serving.testing.FullBatchingQueue;
import io.prodline.serving.testing.GrpcOnRunner;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full batching queue answers TF Serving's Predict with UNAVAILABLE, as TF Serving itself answers it and its clients
 * retry, with the retry hint; the two requests before it are answered once the model goes on.
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

  @Test
  void aFullBatchingQueueIsUnavailableAsTfServingAnswersIt() throws Exception {
    try (FullBatchingQueue full = new FullBatchingQueue(root)) {
      FullBatchingQueue.Sent<PredictResponse> sent = GrpcOnRunner.served(full.runner(), full.v2(), channel -> {
        FullBatchingQueue.Sent<PredictResponse> all = full.sendUntilRefused(() -> GrpcOnRunner.completable(
            PredictionServiceGrpc.newFutureStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS).predict(REQUEST)));
        // Every answer in before the channel closes.
        CompletableFuture.allOf(all.answered().toArray(CompletableFuture[]::new)).handle((done, error) -> null).join();
        return all;
      });

      for (CompletableFuture<PredictResponse> answered : sent.answered()) {
        assertThat(answered.get().getOutputsOrThrow("predictions").getFloatValList()).containsExactly(1f);
      }
      Throwable refused = sent.refused().handle((answer, error) -> error).join();
      assertThat(refused).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(e.getStatus().getDescription()).isEqualTo("the batching queue of model 'gated' version 1 "
            + "is full (limit: 1 waiting requests); retry later");
        assertThat(e.getTrailers().get(io.grpc.Metadata.Key.of("grpc-retry-pushback-ms",
            io.grpc.Metadata.ASCII_STRING_MARSHALLER))).isEqualTo("1000");
      });
    }
  }
}
