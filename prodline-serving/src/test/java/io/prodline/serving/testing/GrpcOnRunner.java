package io.prodline.serving.testing;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.grpc.GrpcServer;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.protocol.v2.V2Inference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's gRPC services on a loopback port over a {@link RequestRunner} a test built itself (a full batching
 * queue, refusing workers), with a client channel, for as long as the test's calls take.
 */
public final class GrpcOnRunner {
  /** What a test does with the channel. */
  @FunctionalInterface
  public interface Calls<T> {
    T on(ManagedChannel channel) throws Exception;
  }

  private GrpcOnRunner() {}

  /** What {@code calls} get from the services over {@code runner}; the listener and channel are closed after. */
  public static <T> T served(RequestRunner runner, V2Inference v2, Calls<T> calls) throws Exception {
    GrpcServer server = GrpcServer.start("127.0.0.1", 0, v2, runner, ServerConfig.DEFAULT_MAX_BODY_BYTES, null,
        null);
    ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(),
        InsecureChannelCredentials.create()).build();
    try {
      return calls.on(channel);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      server.shutdownNow();
    }
  }

  /** A future stub's call as a {@link CompletableFuture}, as {@link FullBatchingQueue#sendUntilRefused} takes them. */
  public static <T> CompletableFuture<T> completable(ListenableFuture<T> call) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Futures.addCallback(call, new FutureCallback<>() {
      @Override
      public void onSuccess(T value) {
        answer.complete(value);
      }

      @Override
      public void onFailure(Throwable error) {
        answer.completeExceptionally(error);
      }
    }, MoreExecutors.directExecutor());
    return answer;
  }
}
