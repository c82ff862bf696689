package io.prodline.serving.testing;


import io.prodline.serving.batching.BatchObserver;
import io.prodline.serving.batching.Batchers;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Model {@code gated} (regression; x: output x, once {@link LinearTestRuntimeProvider#GATE} opens) behind a batching
 * queue of one request, for the answer each protocol gives when that queue is full. A first request finds the model
 * idle and runs on the worker that decoded it, which the gate holds. Batch workers refuse every batch, which makes
 * the batch dispatcher run batches itself: a second request's batch holds the dispatcher at the gate too, so a third
 * stays in the queue and fills it, and a fourth is refused. Each request is decoded on a thread of its own.
 */
public final class FullBatchingQueue implements AutoCloseable {
  private static final Executor REFUSING = task -> {
    throw new RejectedExecutionException("busy");
  };

  private final ModelRepository repository;
  private final Deadlines deadlines = new Deadlines();
  private final ServingMetrics metrics = new ServingMetrics();
  private final Batchers batchers;
  private final RequestRunner runner;
  private volatile IntSupplier depth = () -> 0;

  /** Writes the gated model into {@code root}, which holds no other model, and closes the gate. */
  public FullBatchingQueue(Path root) {
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    TestRepository.gated(root);
    repository = ModelRepository.scan(root);
    batchers = new Batchers(BatchingConfig.on(1, Duration.ofMillis(1), 1), model -> Optional.empty(), REFUSING, 1,
        new BatchObserver() {
          @Override
          public void queueCreated(String model, long version, IntSupplier queueDepth) {
            depth = queueDepth;
          }
        });
    runner = new RequestRunner(repository, FullBatchingQueue::onThreadOfItsOwn, new Inference(batchers, null),
        RequestLimits.DEFAULT, deadlines, metrics);
  }

  /** Runs the requests of every protocol. */
  public RequestRunner runner() {
    return runner;
  }

  /** The Open Inference Protocol's operations on {@link #runner()}, for its REST API and the gRPC service. */
  public V2Inference v2() {
    return new V2Inference(runner, Readiness.ofModels(repository));
  }

  private static void onThreadOfItsOwn(Runnable request) {
    Thread thread = new Thread(request, "full-batching-queue-request");
    thread.setDaemon(true);
    thread.start();
  }

  /** What {@link #sendUntilRefused} sent: the requests answered once the gate opened, and the one refused. */
  public record Sent<T>(List<CompletableFuture<T>> answered, CompletableFuture<T> refused) {}

  /**
   * Sends requests to {@code gated} with {@code send} until one is refused: the first holds a worker, the second the
   * dispatcher, the third fills the queue and the fourth is refused. Once it is answered the gate opens, so the
   * first three are answered too.
   */
  public <T> Sent<T> sendUntilRefused(Supplier<CompletableFuture<T>> send) {
    int holding = LinearTestRuntimeProvider.RUNNING.get();
    CompletableFuture<T> onWorker = send.get();
    Eventually.await("the first request reaches the model", () -> LinearTestRuntimeProvider.RUNNING.get() > holding);
    CompletableFuture<T> onDispatcher = send.get();
    Eventually.await("the second request reaches the model",
        () -> LinearTestRuntimeProvider.RUNNING.get() > holding + 1);
    CompletableFuture<T> queued = send.get();
    Eventually.await("the third request waits in the batching queue", () -> depth.getAsInt() == 1);
    CompletableFuture<T> refused = send.get();
    Eventually.await("the fourth request is answered", refused::isDone);
    LinearTestRuntimeProvider.GATE.countDown();
    return new Sent<>(List.of(onWorker, onDispatcher, queued), refused);
  }

  @Override
  public void close() {
    LinearTestRuntimeProvider.GATE.countDown();
    batchers.close();
    metrics.close();
    deadlines.close();
    repository.close();
  }
}
