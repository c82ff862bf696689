package io.prodline.serving.batching;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
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
  private final BatchObserver observer;
  private final Map<Predictor, DynamicBatcher> byPredictor = new ConcurrentHashMap<>();

  /**
   * @param executor runs the batches (the prediction workers)
   */
  public Batchers(BatchingConfig config, Executor executor, BatchObserver observer) {
    this.config = config;
    this.executor = executor;
    this.observer = observer;
  }

  public BatchingConfig config() {
    return config;
  }

  /** Queues encoded rows for {@code predictor}, the loaded version {@code version} of {@code model}. */
  public CompletableFuture<Predictions> submit(String model, long version, Predictor predictor, float[] features,
      int rows) {
    DynamicBatcher batcher = byPredictor.get(predictor);
    if (batcher == null) {
      batcher = byPredictor.computeIfAbsent(predictor,
          p -> new DynamicBatcher(model, version, p, config, executor, observer));
    }
    return batcher.submit(features, rows);
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
