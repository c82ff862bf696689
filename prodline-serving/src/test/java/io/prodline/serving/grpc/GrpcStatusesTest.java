package io.prodline.serving.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.prodline.core.error.ModelRunException;
import io.prodline.serving.batching.BatchQueueFullException;
import io.prodline.serving.inference.ClientGoneException;
import io.prodline.serving.lifecycle.ModelNotFoundException;
import io.prodline.serving.limits.DeadlineExceededException;
import io.prodline.serving.protocol.BadRequestException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** Each kind of failure gets the gRPC code a client acts on, as REST gets its HTTP status. */
class GrpcStatusesTest {
  private static Status.Code code(Throwable error) {
    return GrpcStatuses.of("ModelInfer m", new CompletionException(error), Status.RESOURCE_EXHAUSTED).getStatus()
        .getCode();
  }

  @Test
  void mapsEveryFailureKind() {
    assertThat(code(new ModelNotFoundException("no"))).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(code(new BadRequestException("bad"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(code(new BatchQueueFullException("full"))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(code(DeadlineExceededException.clientDeadline())).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(code(new ClientGoneException("gone"))).isEqualTo(Status.Code.CANCELLED);
    assertThat(code(new RejectedExecutionException("busy"))).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(code(new ModelRunException("the runtime failed", null))).isEqualTo(Status.Code.INTERNAL);
    assertThat(code(new IllegalStateException("bug"))).isEqualTo(Status.Code.INTERNAL);
  }

  @Test
  void aFullBatchingQueueIsWhatTheProtocolSays() {
    BatchQueueFullException full = new BatchQueueFullException("full");
    assertThat(GrpcStatuses.of("Predict m", full, Status.UNAVAILABLE).getStatus().getCode())
        .isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(GrpcStatuses.of("Predict m", full, Status.UNAVAILABLE).getTrailers()
        .get(io.grpc.Metadata.Key.of("grpc-retry-pushback-ms", io.grpc.Metadata.ASCII_STRING_MARSHALLER)))
        .isEqualTo("1000");
  }
}
