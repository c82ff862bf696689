package io.prodline.serving.batching;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.handoff.Abandonable;
import io.prodline.serving.handoff.BoundedQueue;
import io.prodline.serving.statistics.RequestTiming;
import io.prodline.serving.statistics.VersionStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Batches the requests of one model version. Requests enter a bounded queue; one dispatcher thread takes the
 * oldest and adds followers until the batch holds {@link BatchingConfig#maxRows()} rows or the oldest has waited
 * {@link BatchingConfig#maxDelay()}, then hands the batch to the worker executor and starts on the next.
 *
 * <p>It waits for followers only while the model has a batch running on every prediction worker: while a worker
 * could take the batch, waiting would add the delay to its requests' latency and gain nothing, so what is queued goes
 * at once, and so does a waiting batch the moment a worker frees. Under load the requests that arrive while the
 * workers are busy are the ones that join the next batch. A delay of 0 sets no deadline: the batch waits exactly
 * until a worker is free, as TF Serving's and Triton's batchers do with theirs. A
 * request that finds no batch of its model running and nothing queued does not enter the queue at all: the worker
 * that submits it runs it. Requests a worker found waiting for it together skip the queue as one batch
 * ({@link #runTogether}).
 *
 * <p>Submitting never waits for room: a full queue fails the request's future with {@link BatchQueueFullException}
 * at once. A batch the executor refuses (it is saturated or shutting down) runs on the dispatcher itself, so every
 * request taken is answered, which a graceful stop relies on, and a saturated executor slows the dispatcher until
 * the queue fills and refuses instead.
 */
public final class DynamicBatcher implements AutoCloseable {
  private final String model;
  private final long version;
  private final Predictor predictor;
  private final VersionStatistics statistics;
  private final int maxRows;
  private final long maxDelayNanos;
  /** Batches that can run at once: the prediction workers. */
  private final int parallelism;
  private final Executor executor;
  private final BatchObserver observer;
  private final BoundedQueue<PendingRows> queue;
  private final Thread dispatcher;
  private volatile boolean closed;
  /** Batches handed to the workers and not yet finished; guarded by itself. */
  private final int[] running = {0};

  DynamicBatcher(String model, long version, Predictor predictor, VersionStatistics statistics, BatchingConfig config,
      Executor executor, int parallelism, BatchObserver observer) {
    this.model = model;
    this.version = version;
    this.predictor = predictor;
    this.statistics = statistics;
    this.maxRows = config.maxRows();
    this.maxDelayNanos = config.maxDelay().toNanos();
    this.parallelism = parallelism;
    this.executor = executor;
    this.observer = observer;
    this.queue = new BoundedQueue<>(config.queueCapacity());
    this.dispatcher = new Thread(this::dispatch, "prodline-batch-" + model + "-" + version);
    dispatcher.setDaemon(true);
    dispatcher.start();
    observer.queueCreated(model, version, queue::size);
  }

  /**
   * Queues {@code rows} rows encoded by {@link Predictor#encode}; the future gets their predictions, or fails with
   * {@link BatchQueueFullException} when the queue is full, {@link RejectedExecutionException} after
   * {@link #close}, or the model's error. Call it on a prediction worker: when no batch of the model runs and
   * nothing waits, the rows run right there, before it returns. {@code timing} has its inputs ready
   * ({@link RequestTiming#inputsReady}); a batch's wait for followers counts from then.
   */
  public CompletableFuture<Predictions> submit(float[] features, int rows, RequestTiming timing) {
    CompletableFuture<Predictions> result = new CompletableFuture<>();
    PendingRows pending = new PendingRows(features, rows, timing, result);
    if (runsAtOnce()) {
      // Nobody could join the batch: the calling worker runs it, sparing the request two hand-offs (to the
      // dispatcher and back to a worker) that would only add latency.
      new BatchRun(Batch.of(List.of(pending))).run();
    } else if (closed) {
      result.completeExceptionally(new RejectedExecutionException("model '" + model + "' version " + version
          + " is shutting down"));
    } else if (!queue.offer(pending)) {
      result.completeExceptionally(new BatchQueueFullException("the batching queue of model '" + model
          + "' version " + version + " is full (limit: " + queue.capacity() + " waiting requests); retry later"));
    }
    return result;
  }

  /**
   * Runs the rows of several requests as one batch on the calling worker, now, whatever else runs or waits: for
   * requests a worker found waiting for it together ({@link io.prodline.serving.inference.RequestRunner}), which
   * already are the batch that queueing them here would make, minus the hand-offs to the dispatcher and back. Each
   * request's future gets its predictions, or the model's error; after {@link #close} each fails with
   * {@link RejectedExecutionException}.
   *
   * @param requests together at most {@link BatchingConfig#maxRows()} rows, each encoded by {@link Predictor#encode}
   */
  public void runTogether(List<PendingRows> requests) {
    synchronized (running) {
      if (closed) {
        requests.forEach(p -> p.result().completeExceptionally(new RejectedExecutionException("model '" + model
            + "' version " + version + " is shutting down")));
        return;
      }
      running[0]++;
    }
    new BatchRun(Batch.of(requests)).run();
  }

  /** Requests waiting now. */
  public int queued() {
    return queue.size();
  }

  private void dispatch() {
    List<PendingRows> collected = new ArrayList<>();
    while (!closed || queue.size() > 0) {
      PendingRows first = queue.poll();
      if (first == null) {
        queue.await(BoundedQueue.NO_DEADLINE);
        continue;
      }
      collected.add(first);
      int rows = first.rows();
      // A delay of 0 waits for no deadline, only for a worker to be free.
      long deadline = maxDelayNanos == 0 ? BoundedQueue.NO_DEADLINE
          : first.timing().inputsReadyNanos() + maxDelayNanos;
      while (rows < maxRows) {
        PendingRows next = queue.peek();
        if (next == null) {
          if (closed || pastDeadline(deadline) || !everyWorkerBusy()) {
            break;
          }
          queue.await(deadline, this::everyWorkerBusy);
        } else if (rows + next.rows() > maxRows) {
          break;
        } else {
          collected.add(queue.poll());
          rows += next.rows();
        }
      }
      Batch batch = Batch.of(collected);
      collected.clear();
      if (batch != null) {
        hand(batch);
      }
    }
  }

  private static boolean pastDeadline(long deadline) {
    return deadline != BoundedQueue.NO_DEADLINE && System.nanoTime() - deadline >= 0;
  }

  /** A batch on its way to the model; counted from hand-off until it ran or was abandoned. */
  private final class BatchRun implements Runnable, Abandonable {
    private final Batch batch;

    BatchRun(Batch batch) {
      this.batch = batch;
    }

    @Override
    public void run() {
      try {
        observer.batchRan(model, version, batch.rows());
        long joining = System.nanoTime();
        float[] features = batch.features();
        long started = System.nanoTime();
        Predictions predictions = predictor.predictEncoded(features, batch.rows());
        batch.complete(predictions, started - joining, started, System.nanoTime(), statistics);
      } catch (RuntimeException | Error e) {
        batch.fail(e);
      } finally {
        finished();
      }
    }

    @Override
    public void abandon() {
      try {
        batch.fail(new RejectedExecutionException("the server stopped before model '" + model + "' version "
            + version + " could run the request"));
      } finally {
        finished();
      }
    }
  }

  private void hand(Batch batch) {
    synchronized (running) {
      running[0]++;
    }
    BatchRun run = new BatchRun(batch);
    try {
      executor.execute(run);
    } catch (RejectedExecutionException e) {
      run.run();
    }
  }

  /** Whether no batch of the model runs and nothing waits; if so, counts the caller's batch as running. */
  private boolean runsAtOnce() {
    synchronized (running) {
      if (closed || running[0] > 0 || queue.size() > 0) {
        return false;
      }
      running[0]++;
      return true;
    }
  }

  private boolean everyWorkerBusy() {
    synchronized (running) {
      return running[0] >= parallelism;
    }
  }

  private void finished() {
    synchronized (running) {
      if (--running[0] == 0) {
        running.notifyAll();
      }
    }
    // A worker is free: a batch waiting for followers goes now.
    queue.wake();
  }

  /**
   * Answers what is queued, stops the dispatcher, then waits until the batches already handed to the workers have
   * run, so that the model may be closed right after; later submissions fail.
   */
  @Override
  public void close() {
    closed = true;
    observer.queueRetired(model, version);
    dispatcher.interrupt();
    boolean interrupted = false;
    try {
      dispatcher.join();
    } catch (InterruptedException e) {
      interrupted = true;
    }
    synchronized (running) {
      while (running[0] > 0) {
        try {
          running.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
