package io.prodline.serving;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor predictions run on, away from the event loops. Its queue is bounded and a full queue rejects (answered
 * 503 with a retry hint), so overload shows up at once as refusals instead of as ever-growing latency and memory.
 */
final class WorkerPool {
  static final String THREAD_PREFIX = "prodline-predict-";

  private WorkerPool() {}

  static ThreadPoolExecutor create(int threads, int queue) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, THREAD_PREFIX + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue),
        factory, new ThreadPoolExecutor.AbortPolicy());
  }
}
