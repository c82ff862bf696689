package io.prodline.serving.inference;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.batching.DynamicBatcher;
import io.prodline.serving.batching.PendingRows;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.predictionlog.PredictionLog;
import io.prodline.serving.predictionlog.PredictionRecord;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.statistics.RequestTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Predicts one decoded request, batched or not, and logs it once answered. {@link RequestRunner} calls it for
 * every protocol.
 *
 * <p>{@link #predict} must be called on a prediction worker, never on an event loop: without batching it runs
 * the model right there. With batching it encodes the rows and hands them to the batcher, which runs them right
 * there too when the model is idle and nothing waits, and queues them otherwise; requests a worker found waiting
 * together go to the model as one batch at once ({@link #predictTogether}).
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
    CompletableFuture<Predictions> result;
    try {
      float[] features = encode(request);
      int rows = request.inputs().rowCount();
      DynamicBatcher batcher = batchers.of(version);
      result = batcher == null
          ? CompletableFuture.completedFuture(predictAlone(version, features, rows, request.timing()))
          : batcher.submit(features, rows, request.timing());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    return logged(request, result);
  }

  /**
   * The predictions of requests for one batched version that waited for a worker together, as one model call on
   * this worker ({@link DynamicBatcher#runTogether}), in their order. A request whose rows the model's transform
   * refuses fails alone; the others run.
   */
  public List<CompletableFuture<Predictions>> predictTogether(List<InferenceRequest> requests) {
    DynamicBatcher batcher = batchers.of(requests.get(0).version());
    if (batcher == null) { // its first request fixed no batching: the configuration changed after the check
      return requests.stream().map(this::predict).toList();
    }
    List<CompletableFuture<Predictions>> results = new ArrayList<>(requests.size());
    List<PendingRows> batch = new ArrayList<>(requests.size());
    for (InferenceRequest request : requests) {
      CompletableFuture<Predictions> result = new CompletableFuture<>();
      try {
        batch.add(new PendingRows(encode(request), request.inputs().rowCount(), request.timing(), result));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
      results.add(logged(request, result));
    }
    if (!batch.isEmpty()) {
      batcher.runTogether(batch);
    }
    return results;
  }

  /** The request's rows as its model takes them; its inputs are ready from now. */
  private static float[] encode(InferenceRequest request) {
    Predictor predictor = request.version().predictor();
    float[] features = predictor.encode(request.inputs());
    int infinite = request.infinityAllowed() ? -1 : Predictor.firstInfinite(features);
    if (infinite >= 0) {
      throw new BadRequestException("instance " + infinite / predictor.inputWidth() + ": model input '"
          + predictor.inputName(infinite % predictor.inputWidth()) + "' is beyond the float32 range the model "
          + "computes in (its largest value is 3.4e38), so it would reach the model as infinity; send a value "
          + "within that range");
    }
    request.timing().inputsReady(request.inputs().rowCount(), System.nanoTime());
    return features;
  }

  /** {@code result}, with its predictions offered to the prediction log when the request is sampled. */
  private CompletableFuture<Predictions> logged(InferenceRequest request, CompletableFuture<Predictions> result) {
    if (log != null && log.sampled(request.model())) {
      RequestTiming timing = request.timing();
      result.thenAccept(predictions -> log.offer(new PredictionRecord(request.requestId(), request.model(),
          request.version().version(), timing.arrivedMillis(), System.nanoTime() - timing.arrivedNanos(),
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
