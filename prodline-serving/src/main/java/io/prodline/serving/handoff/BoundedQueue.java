package io.prodline.serving.handoff;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A bounded queue for many producers and one consumer, without locks: producers never wait (a full queue refuses
 * at once, so the caller can drop and count or answer "retry later"), and the consumer can sleep until an item
 * arrives. Producers wake the consumer only while it sleeps, so a busy consumer costs them nothing extra.
 *
 * <p>{@link #poll}, {@link #peek} and {@link #await} must be called from the one consumer thread only. Besides
 * items, the consumer may wait for a condition of its own that other threads change, then {@link #wake} it.
 */
public final class BoundedQueue<T> {
  /** For {@link #await}: sleep until an item arrives, however long. */
  public static final long NO_DEADLINE = Long.MAX_VALUE;

  private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  private volatile Thread sleeping;
  /** The consumer while it sleeps on a condition of its own as well, for {@link #wake}. */
  private volatile Thread sleepingOnCondition;

  public BoundedQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code item} unless {@link #capacity()} items are waiting; returns whether it was added. */
  public boolean offer(T item) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return false;
    }
    items.offer(item);
    wakeConsumer();
    return true;
  }

  /**
   * Wakes the consumer if it sleeps on a condition ({@link #await(long, BooleanSupplier)}), so it looks at it again;
   * a consumer that waits only for items is left asleep, so calling this often costs nothing while it does.
   */
  public void wake() {
    Thread consumer = sleepingOnCondition;
    if (consumer != null) {
      LockSupport.unpark(consumer);
    }
  }

  private void wakeConsumer() {
    Thread consumer = sleeping;
    if (consumer != null) {
      LockSupport.unpark(consumer);
    }
  }

  /** The head item, removed; {@code null} when empty. Consumer only. */
  public T poll() {
    T item = items.poll();
    if (item != null) {
      size.decrementAndGet();
    }
    return item;
  }

  /** The head item, left in place; {@code null} when empty. Consumer only. */
  public T peek() {
    return items.peek();
  }

  /**
   * Sleeps until an item may be waiting, {@link System#nanoTime()} reaches {@code deadlineNanos}, or the consumer
   * is interrupted (how an owner stops it); may return early, so callers re-check their condition. Consumer only.
   */
  public void await(long deadlineNanos) {
    await(deadlineNanos, null);
  }

  /**
   * As {@link #await(long)}, sleeping only while {@code stillWaiting} holds: a thread that makes it false then
   * calls {@link #wake}, and the consumer cannot miss it. Consumer only.
   */
  public void await(long deadlineNanos, BooleanSupplier stillWaiting) {
    Thread consumer = Thread.currentThread();
    sleeping = consumer;
    if (stillWaiting != null) {
      sleepingOnCondition = consumer;
    }
    try {
      // Announced before looking: a producer (or a waker) that changes things after this check sees the sleeper
      // and unparks it, and an unpark before the park makes the park return at once.
      if (items.isEmpty() && (stillWaiting == null || stillWaiting.getAsBoolean())) {
        if (deadlineNanos == NO_DEADLINE) {
          LockSupport.park(this);
        } else {
          long left = deadlineNanos - System.nanoTime();
          if (left > 0) {
            LockSupport.parkNanos(this, left);
          }
        }
      }
    } finally {
      sleeping = null;
      sleepingOnCondition = null;
    }
  }

  /** Items waiting now. */
  public int size() {
    return size.get();
  }

  public int capacity() {
    return capacity;
  }
}
