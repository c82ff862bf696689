package io.prodline.serving.grpc;

import io.grpc.Context;
import io.grpc.Deadline;
import io.prodline.serving.inference.ClientGoneException;
import io.prodline.serving.limits.DeadlineExceededException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a call's gRPC {@link Context} tells about its client: the deadline it set ({@code grpc-timeout}), and when
 * it stopped waiting, for gRPC cancels the context when the client cancels, disconnects or reaches its deadline.
 */
public final class ClientContexts {
  /**
   * How long before the server's copy of the deadline a cancellation still counts as the deadline: a client counts
   * its deadline from before the request crossed the network, so it gives up and resets the call a little before
   * the server's copy expires. Generous beside one network crossing; an explicit cancellation this close to the
   * deadline is counted as the deadline, which it would have met anyway.
   */
  static final Duration DEADLINE_SLACK = Duration.ofMillis(250);

  private ClientContexts() {}

  /** The time left until the client's deadline, or {@code null} when it set none. */
  public static Duration timeLeft(Context context) {
    Deadline deadline = context.getDeadline();
    return deadline == null ? null : Duration.ofNanos(deadline.timeRemaining(TimeUnit.NANOSECONDS));
  }

  /**
   * Fails {@code request}, unless it is answered by then, once {@code context} is cancelled, which abandons the
   * request's work (see {@link io.prodline.serving.inference.RequestRunner}).
   *
   * @param call the call, for the failure's message
   */
  static void abandonWhenCancelled(Context context, String call, CompletableFuture<?> request) {
    context.addListener(cancelled -> {
      if (!request.isDone()) {
        request.completeExceptionally(whyCancelled(cancelled.getDeadline(), call));
      }
    }, Runnable::run);
  }

  /** The client's deadline when it is (nearly) due, else a client gone. */
  static RuntimeException whyCancelled(Deadline deadline, String call) {
    if (deadline != null && deadline.timeRemaining(TimeUnit.NANOSECONDS) < DEADLINE_SLACK.toNanos()) {
      return DeadlineExceededException.clientDeadline();
    }
    return new ClientGoneException(call + " was cancelled by the client before its answer was ready");
  }
}
