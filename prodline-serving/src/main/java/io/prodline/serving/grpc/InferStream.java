package io.prodline.serving.grpc;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.prodline.serving.grpc.v2.ModelInferRequest;
import io.prodline.serving.grpc.v2.ModelInferResponse;
import io.prodline.serving.grpc.v2.ModelStreamInferResponse;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.v2.InferenceResult;
import io.prodline.serving.protocol.v2.V2Inference;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code ModelStreamInfer} call, Triton's streaming inference: every request the client sends on the stream
 * runs as a {@code ModelInfer} would (on the prediction workers, batched, timed and counted under
 * {@code protocol="grpc"}), and its answer, or the reason it failed in {@code error_message}, goes back on the stream
 * as soon as it is ready, so answers may come in another order than the requests (a client matches them by
 * {@code id}). A failed request does not end the stream. When the client has sent its last request the stream ends
 * after the last answer; when the client cancels or reaches its deadline, the requests still running are abandoned.
 *
 * <p>Answers are written under this object's lock: a stream observer takes one writer at a time, and answers
 * complete on several workers.
 */
final class InferStream implements StreamObserver<ModelInferRequest> {
  private final V2Inference inference;
  private final Context context;
  private final StreamObserver<ModelStreamInferResponse> answers;
  private final Set<CompletableFuture<InferenceResult>> running = ConcurrentHashMap.newKeySet();
  /** Requests taken and not yet answered; guarded by this. */
  private int unanswered;
  /** The client sent its last request; guarded by this. */
  private boolean lastRequestSent;
  /** The stream ended, by the server or the client; guarded by this. */
  private boolean ended;

  /**
   * @param answers the call's answer stream; its cancel handler, set here before the call starts, ends the stream,
   *     and also stops {@code onNext} from throwing when an answer races the client's cancellation
   */
  InferStream(V2Inference inference, Context context, ServerCallStreamObserver<ModelStreamInferResponse> answers) {
    this.inference = inference;
    this.context = context;
    this.answers = answers;
    answers.setOnCancelHandler(this::clientGone);
  }

  @Override
  public void onNext(ModelInferRequest request) {
    String call = "ModelStreamInfer " + request.getModelName();
    synchronized (this) {
      unanswered++;
    }
    CompletableFuture<InferenceResult> inferred = inference.infer(ServingMetrics.GRPC, request.getModelName(),
        request.getModelVersion(), inference.requestId(request.getId()), ClientContexts.timeLeft(context),
        () -> GrpcTensors.request(request));
    running.add(inferred);
    if (context.isCancelled()) {
      abandonAll();
    }
    inferred.whenComplete((result, error) -> {
      running.remove(inferred);
      answer(error == null ? answerOf(call, request, result) : failureOf(call, request, error));
    });
  }

  /** The answer, or, if it cannot be encoded, the reason as a failure: every request gets one or the stream hangs. */
  private static ModelStreamInferResponse answerOf(String call, ModelInferRequest request, InferenceResult result) {
    try {
      return ModelStreamInferResponse.newBuilder().setInferResponse(GrpcTensors.response(result)).build();
    } catch (RuntimeException e) {
      return failureOf(call, request, e);
    }
  }

  /** The failure as ModelInfer's status would word it, with the request's model and id so the client can match it. */
  private static ModelStreamInferResponse failureOf(String call, ModelInferRequest request, Throwable error) {
    return ModelStreamInferResponse.newBuilder()
        .setErrorMessage(GrpcStatuses.description(call, error))
        .setInferResponse(ModelInferResponse.newBuilder().setModelName(request.getModelName())
            .setModelVersion(request.getModelVersion()).setId(request.getId()))
        .build();
  }

  private synchronized void answer(ModelStreamInferResponse response) {
    unanswered--;
    if (ended) {
      return;
    }
    answers.onNext(response);
    endWhenDone();
  }

  @Override
  public synchronized void onCompleted() {
    lastRequestSent = true;
    endWhenDone();
  }

  @Override
  public void onError(Throwable error) {
    clientGone();
  }

  /** The client cancelled the call, failed it or reached its deadline: nobody reads the answers any more. */
  private void clientGone() {
    synchronized (this) {
      ended = true;
    }
    abandonAll();
  }

  private void endWhenDone() {
    if (lastRequestSent && unanswered == 0 && !ended) {
      ended = true;
      answers.onCompleted();
    }
  }

  private void abandonAll() {
    for (CompletableFuture<InferenceResult> request : running) {
      request.completeExceptionally(ClientContexts.whyCancelled(context.getDeadline(), "ModelStreamInfer"));
    }
  }
}
