package io.prodline.serving.inference;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.predictionlog.PredictionRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Predicts one decoded request, batched or not, and logs it once answered. {@link RequestRunner} calls it for
 * every protocol.
 *
 * <p>{@link #predict} must be called on a prediction worker, never on an event loop: without batching it runs
 * the model right there. With batching it only encodes the rows and queues them.
 */
public final class Inference {
  private final Batchers batchers;
  private final PredictionLog log;

  /**
   * @param batchers the batchers, or {@code null} to predict each request alone
   * @param log where answered requests go, or {@code null} for no prediction log
   */
  public Inference(Batchers batchers, PredictionLog log) {
    this.batchers = batchers;
    this.log = log;
  }

  /** How requests are batched; empty when each is predicted alone. */
  public Optional<BatchingConfig> batching() {
    return batchers == null ? Optional.empty() : Optional.of(batchers.config());
  }

  /** Whether requests need an id for the prediction log. */
  public boolean logsPredictions() {
    return log != null;
  }

  /** The request's predictions; the future fails with the model's error or the batcher's refusal. */
  public CompletableFuture<Predictions> predict(InferenceRequest request) {
    Predictor predictor = request.version().predictor();
    CompletableFuture<Predictions> result;
    if (batchers == null) {
      try {
        result = CompletableFuture.completedFuture(predictor.predict(request.inputs()));
      } catch (RuntimeException e) {
        result = CompletableFuture.failedFuture(e);
      }
    } else {
      result = batchers.submit(request.model(), request.version().version(), predictor,
          predictor.encode(request.inputs()), request.inputs().rowCount());
    }
    if (log != null) {
      result.thenAccept(predictions -> log.offer(new PredictionRecord(request.requestId(), request.model(),
          request.version().version(), request.arrivedMillis(), System.nanoTime() - request.arrivedNanos(),
          request.inputs(), predictions)));
    }
    return result;
  }
}
