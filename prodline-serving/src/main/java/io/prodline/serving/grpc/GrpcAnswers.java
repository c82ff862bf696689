package io.prodline.serving.grpc;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every gRPC service of the server answers a unary call, whatever its protocol: a failure becomes the status
 * {@link GrpcStatuses} maps it to, and a call answered later (inference) is abandoned when its client stops waiting.
 * The protocols differ in one status only, that of a full batching queue.
 */
public final class GrpcAnswers {
  /** The Open Inference Protocol's answers: a full batching queue is RESOURCE_EXHAUSTED, as KServe clients expect. */
  public static final GrpcAnswers OPEN_INFERENCE = new GrpcAnswers(Status.RESOURCE_EXHAUSTED);
  /**
   * TensorFlow Serving's answers: a full batching queue is UNAVAILABLE, as TF Serving itself answers it, which its
   * clients' retry policies retry.
   */
  public static final GrpcAnswers TF_SERVING = new GrpcAnswers(Status.UNAVAILABLE);

  private final Status queueFull;

  private GrpcAnswers(Status queueFull) {
    this.queueFull = queueFull;
  }

  /**
   * Answers at once on the calling thread with what {@code response} computes; for calls that only read the
   * lifecycle's routing snapshot.
   *
   * @param call the call, for messages and the log
   */
  public <T> void now(String call, StreamObserver<T> answer, Supplier<T> response) {
    T value;
    try {
      value = response.get();
    } catch (RuntimeException e) {
      answer.onError(failure(call, e));
      return;
    }
    answer.onNext(value);
    answer.onCompleted();
  }

  /** The status this protocol answers {@code error} of {@code call} with (see {@link GrpcStatuses}). */
  public StatusRuntimeException failure(String call, Throwable error) {
    return GrpcStatuses.of(call, error, queueFull);
  }

  /**
   * Answers with {@code encode} of {@code result} when that completes, on the thread that completes it. When the
   * client of {@code context} cancels, disconnects or reaches its deadline first, {@code result} itself is failed,
   * which abandons its work (see {@link io.prodline.serving.inference.RequestRunner}).
   *
   * @param call the call, for messages and the log
   */
  public <R, T> void whenDone(String call, Context context, CompletableFuture<R> result,
      Function<R, T> encode, StreamObserver<T> answer) {
    ClientContexts.abandonWhenCancelled(context, call, result);
    result.whenComplete((value, error) -> {
      if (error != null) {
        answer.onError(failure(call, error));
      } else {
        now(call, answer, () -> encode.apply(value));
      }
    });
  }
}
