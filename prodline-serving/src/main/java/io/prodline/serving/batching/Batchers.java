package io.prodline.serving.batching;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.lifecycle.VersionHandle;
import io.prodline.serving.statistics.RequestTiming;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One {@link DynamicBatcher} per loaded model version, created on its first request. Looking one up is a
 * lock-free map read once it exists.
 *
 * <p>The server calls {@link #retire} when the lifecycle unloads a version (after its last request, before its
 * model is closed), which stops its dispatcher thread once the batches already handed out have run.
 */
public final class Batchers implements AutoCloseable {
  private final BatchingConfig config;
  private final Executor executor;
  private final int parallelism;
  private final BatchObserver observer;
  private final Map<Predictor, DynamicBatcher> byPredictor = new ConcurrentHashMap<>();

  /**
   * @param executor runs the batches (the prediction workers)
   * @param parallelism how many batches {@code executor} runs at once (its threads): a batcher waits for followers
   *     only while its model has that many batches running
   */
  public Batchers(BatchingConfig config, Executor executor, int parallelism, BatchObserver observer) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.config = config;
    this.executor = executor;
    this.parallelism = parallelism;
    this.observer = observer;
  }

  public BatchingConfig config() {
    return config;
  }

  /**
   * Queues rows encoded by {@code version}'s predictor for it; the batch that answers them sets their model call in
   * {@code timing}.
   */
  public CompletableFuture<Predictions> submit(VersionHandle version, float[] features, int rows,
      RequestTiming timing) {
    Predictor predictor = version.predictor();
    DynamicBatcher batcher = byPredictor.get(predictor);
    if (batcher == null) {
      batcher = byPredictor.computeIfAbsent(predictor, p -> new DynamicBatcher(version.model(), version.version(), p,
          version.statistics(), config, executor, parallelism, observer));
    }
    return batcher.submit(features, rows, timing);
  }

  /** Stops the batcher of an unloaded version, answering what it still holds. */
  public void retire(Predictor predictor) {
    DynamicBatcher batcher = byPredictor.remove(predictor);
    if (batcher != null) {
      batcher.close();
    }
  }

  @Override
  public void close() {
    for (Predictor p : byPredictor.keySet()) {
      retire(p);
    }
  }
}
