package io.prodline.pipeline.run;

import io.prodline.metadata.store.MetadataStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes two identical executions at once run only once: a step holds the lock of its cache key from its cache
 * lookup until its outputs are recorded, so an identical step (same key) waits, then finds the first one's
 * outputs in its own lookup and reuses them.
 *
 * <p>Two levels, because each alone falls short. Inside one JVM a {@link ReentrantLock} per key hands over at once,
 * without polling. Across processes sharing a metadata store (two terminals, a scheduler beside a manual run, a
 * team on PostgreSQL) a lease row in the store ({@link MetadataStore#leaseCacheKey}) is the lock: portable to
 * SQLite and PostgreSQL alike, and it expires when its holder is killed, so a crash never blocks the key for good
 * (an advisory lock would end with its connection, but SQLite has none and a pooled connection outlives the step).
 * The holder renews its lease every third of {@link #LEASE}; waiters poll every {@link #POLL}.
 */
final class CacheKeyLocks {
  static final Duration LEASE = Duration.ofSeconds(30);
  private static final Map<String, Local> LOCAL = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "prodline-lease-renewal");
    t.setDaemon(true);
    return t;
  });

  private static final Duration POLL = Duration.ofMillis(200);

  private final MetadataStore store;

  CacheKeyLocks(MetadataStore store) {
    this.store = store;
  }

  /** A key's in-process lock and how many steps hold or wait for it, so the map forgets unused keys. */
  private record Local(ReentrantLock lock, int users) {}

  /** A held lock; closing it releases both levels. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Waits until this step holds {@code key} in this process and in the store. {@code onWait} is called once if it
   * has to wait. Interruptible: a cancelled run stops waiting and holds nothing.
   */
  Held acquire(String key, Runnable onWait) throws InterruptedException {
    ReentrantLock lock = LOCAL.compute(key, (k, v) -> v == null ? new Local(new ReentrantLock(), 1)
        : new Local(v.lock(), v.users() + 1)).lock();
    boolean waited = false;
    try {
      if (!lock.tryLock()) {
        onWait.run();
        waited = true;
        lock.lockInterruptibly();
      }
    } catch (InterruptedException e) {
      forget(key);
      throw e;
    }
    String owner = UUID.randomUUID().toString();
    try {
      while (!store.leaseCacheKey(key, owner, LEASE)) {
        if (!waited) {
          onWait.run();
          waited = true;
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException | RuntimeException e) {
      lock.unlock();
      forget(key);
      throw e;
    }
    long every = LEASE.toMillis() / 3;
    ScheduledFuture<?> renewal = RENEWALS.scheduleAtFixedRate(() -> store.leaseCacheKey(key, owner, LEASE), every,
        every, TimeUnit.MILLISECONDS);
    return () -> {
      renewal.cancel(false);
      try {
        store.releaseCacheKey(key, owner);
      } finally {
        lock.unlock();
        forget(key);
      }
    };
  }

  private static void forget(String key) {
    LOCAL.compute(key, (k, v) -> v.users() == 1 ? null : new Local(v.lock(), v.users() - 1));
  }
}
