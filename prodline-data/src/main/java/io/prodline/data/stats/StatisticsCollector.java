package io.prodline.data.stats;

import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes {@link DatasetStatistics} of a frame stream in one pass on a fixed pool of worker threads.
 *
 * <p>The calling thread reads frames from the iterator into a bounded queue (two frames per worker); each worker
 * owns a partial {@link SlicedDatasetCombiner} and adds the frames it takes; at the end the partials are merged.
 * Memory is therefore bounded by the queued frames plus the workers' sketches, whatever the number of rows. The
 * first frame fixes the layout; a later frame with other columns fails the pass. An exception in a worker stops
 * the pass and is rethrown to the caller.
 */
public final class StatisticsCollector {
  private static final Frame END = Frame.of(List.of(), List.of());
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final StatisticsOptions options;

  public StatisticsCollector(StatisticsOptions options) {
    this.options = options;
  }

  /** Statistics of every frame {@code frames} yields; an empty stream gives zero examples and no features. */
  public DatasetStatistics collect(Iterator<Frame> frames) {
    if (!frames.hasNext()) {
      return new DatasetStatistics(0, 0, List.of());
    }
    Frame first = frames.next();
    BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(2 * options.threads());
    int pool = POOLS.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(options.threads(), task -> {
      Thread t = new Thread(task, "prodline-stats-" + pool + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<SlicedDatasetCombiner>> workers = new ArrayList<>(options.threads());
      for (int i = 0; i < options.threads(); i++) {
        workers.add(executor.submit(() -> work(first, queue)));
      }
      put(queue, first, workers);
      while (frames.hasNext()) {
        put(queue, frames.next(), workers);
      }
      for (int i = 0; i < options.threads(); i++) {
        put(queue, END, workers);
      }
      SlicedDatasetCombiner total = null;
      for (Future<SlicedDatasetCombiner> worker : workers) {
        SlicedDatasetCombiner partial = await(worker);
        if (total == null) {
          total = partial;
        } else {
          total.merge(partial);
        }
      }
      return total.result();
    } finally {
      executor.shutdownNow();
    }
  }

  private SlicedDatasetCombiner work(Frame layout, BlockingQueue<Frame> queue) throws InterruptedException {
    SlicedDatasetCombiner partial = SlicedDatasetCombiner.create(layout, options);
    for (Frame frame = queue.take(); frame != END; frame = queue.take()) {
      partial.add(frame);
    }
    return partial;
  }

  /** Queues a frame, waiting for room; rethrows a worker's failure instead of waiting for it forever. */
  private static void put(BlockingQueue<Frame> queue, Frame frame, List<Future<SlicedDatasetCombiner>> workers) {
    try {
      while (!queue.offer(frame, 50, TimeUnit.MILLISECONDS)) {
        for (Future<SlicedDatasetCombiner> worker : workers) {
          if (worker.isDone()) {
            await(worker);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing statistics", e);
    }
  }

  private static SlicedDatasetCombiner await(Future<SlicedDatasetCombiner> worker) {
    try {
      return worker.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing statistics", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("statistics worker failed", e.getCause());
    }
  }
}
