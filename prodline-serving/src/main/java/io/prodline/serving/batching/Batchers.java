package io.prodline.serving.batching;

import io.prodline.core.predict.Predictor;
import io.prodline.serving.lifecycle.VersionHandle;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One {@link DynamicBatcher} per loaded model version whose requests are batched, created on its first request with
 * the batching in force then: the model's own ({@link ModelBatching}) over the server's options. The choice is kept
 * for the version's life, so a changed setting applies to versions taking their first request after it; a batcher
 * is never replaced under its requests. Looking one up is a lock-free map read once it exists.
 *
 * <p>The server calls {@link #retire} when the lifecycle unloads a version (after its last request, before its
 * model is closed), which stops its dispatcher thread once the batches already handed out have run.
 */
public final class Batchers implements AutoCloseable {
  private final BatchingConfig server;
  private final Function<String, Optional<ModelBatching>> models;
  private final Executor executor;
  private final int parallelism;
  private final BatchObserver observer;
  /** Per loaded version that has taken a request: its batcher, or empty when its requests run alone. */
  private final Map<Predictor, Choice> byPredictor = new ConcurrentHashMap<>();

  /** A version's batching, fixed at its first request, and its batcher, or {@code null} when it runs alone. */
  private record Choice(BatchingConfig config, DynamicBatcher batcher) {}

  /**
   * @param server the server's {@code --batch-*} options
   * @param models each model's own batching, as its configuration now says
   * @param executor runs the batches (the prediction workers)
   * @param parallelism how many batches {@code executor} runs at once (its threads): a batcher waits for followers
   *     only while its model has that many batches running
   */
  public Batchers(BatchingConfig server, Function<String, Optional<ModelBatching>> models, Executor executor,
      int parallelism, BatchObserver observer) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.server = server;
    this.models = models;
    this.executor = executor;
    this.parallelism = parallelism;
    this.observer = observer;
  }

  /** Batchers that batch no model: every request runs alone, whatever the model's configuration says. */
  public static Batchers off() {
    return new Batchers(BatchingConfig.OFF, model -> Optional.empty(), Runnable::run, 1, BatchObserver.NONE);
  }

  /** The batching in force now for {@code model}: its own over the server's options. */
  public BatchingConfig config(String model) {
    return models.apply(model).map(own -> own.over(server)).orElse(server);
  }

  /**
   * The batcher of {@code version}, or {@code null} when its requests run alone; decided at the version's first
   * request.
   */
  public DynamicBatcher of(VersionHandle version) {
    if (version.tensorModel().isPresent()) {
      return null; // its requests are tensors, not rows to join
    }
    Predictor predictor = version.predictor();
    Choice choice = byPredictor.get(predictor);
    if (choice == null) {
      choice = byPredictor.computeIfAbsent(predictor, p -> {
        BatchingConfig config = config(version.model());
        return new Choice(config, config.enabled() ? new DynamicBatcher(version.model(), version.version(), p,
            version.statistics(), config, executor, parallelism, observer) : null);
      });
    }
    return choice.batcher();
  }

  /**
   * The batching {@code version}'s requests get: the one fixed at its first request, or, before that, the one in
   * force now, which its first request will fix. After the configuration changes, a version that has taken
   * requests keeps reporting the batching it runs with.
   */
  public BatchingConfig config(VersionHandle version) {
    if (version.tensorModel().isPresent()) {
      return BatchingConfig.OFF;
    }
    Choice choice = byPredictor.get(version.predictor());
    return choice != null ? choice.config() : config(version.model());
  }

  /** Stops the batcher of an unloaded version, answering what it still holds. */
  public void retire(Predictor predictor) {
    Choice choice = byPredictor.remove(predictor);
    if (choice != null && choice.batcher() != null) {
      choice.batcher().close();
    }
  }

  @Override
  public void close() {
    for (Predictor p : byPredictor.keySet()) {
      retire(p);
    }
  }
}
