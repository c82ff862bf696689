package io.prodline.serving.inference;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.batching.DynamicBatcher;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.predictionlog.PredictionRecord;
import io.prodline.serving.statistics.RequestTiming;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Predicts one decoded request, batched or not, and logs it once answered. {@link RequestRunner} calls it for
 * every protocol.
 *
 * <p>{@link #predict} must be called on a prediction worker, never on an event loop: without batching it runs
 * the model right there. With batching it encodes the rows and hands them to the batcher, which runs them right
 * there too when the model is idle and nothing waits, and queues them otherwise.
 */
public final class Inference {
  private final Batchers batchers;
  private final PredictionLog log;

  /**
   * @param batchers the batchers, which say per model version whether its requests are batched
   * @param log where answered requests go, or {@code null} for no prediction log
   */
  public Inference(Batchers batchers, PredictionLog log) {
    this.batchers = Objects.requireNonNull(batchers, "batchers");
    this.log = log;
  }

  /** Inference that predicts every request alone and logs none. */
  public static Inference alone() {
    return new Inference(Batchers.off(), null);
  }

  /** How {@code version}'s requests are batched ({@link Batchers#config(VersionHandle)}); empty when each runs alone. */
  public Optional<BatchingConfig> batching(VersionHandle version) {
    BatchingConfig config = batchers.config(version);
    return config.enabled() ? Optional.of(config) : Optional.empty();
  }

  /** Whether requests need an id for the prediction log. */
  public boolean logsPredictions() {
    return log != null;
  }

  /** The request's predictions; the future fails with the model's error or the batcher's refusal. */
  public CompletableFuture<Predictions> predict(InferenceRequest request) {
    VersionHandle version = request.version();
    Predictor predictor = version.predictor();
    int rows = request.inputs().rowCount();
    RequestTiming timing = request.timing();
    CompletableFuture<Predictions> result;
    try {
      float[] features = predictor.encode(request.inputs());
      timing.inputsReady(rows, System.nanoTime());
      DynamicBatcher batcher = batchers.of(version);
      result = batcher == null ? CompletableFuture.completedFuture(predictAlone(version, features, rows, timing))
          : batcher.submit(features, rows, timing);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (log != null && log.sampled(request.model())) {
      result.thenAccept(predictions -> log.offer(new PredictionRecord(request.requestId(), request.model(),
          version.version(), timing.arrivedMillis(), System.nanoTime() - timing.arrivedNanos(),
          request.inputs(), predictions)));
    }
    return result;
  }

  /** One request as one model call, right here. */
  private static Predictions predictAlone(VersionHandle version, float[] features, int rows, RequestTiming timing) {
    long started = System.nanoTime();
    Predictions predictions = version.predictor().predictEncoded(features, rows);
    long ended = System.nanoTime();
    timing.modelRan(started, ended);
    version.statistics().executed(rows, 0, ended - started, 0);
    return predictions;
  }
}
