package io.prodline.serving.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedQueueTest {
  @Test
  void refusesBeyondCapacityAndAcceptsAgainOnceTaken() {
    BoundedQueue<String> queue = new BoundedQueue<>(2);
    assertThat(queue.offer("a")).isTrue();
    assertThat(queue.offer("b")).isTrue();
    assertThat(queue.offer("c")).isFalse();
    assertThat(queue.size()).isEqualTo(2);
    assertThat(queue.peek()).isEqualTo("a");
    assertThat(queue.poll()).isEqualTo("a");
    assertThat(queue.offer("c")).isTrue();
    assertThat(queue.poll()).isEqualTo("b");
    assertThat(queue.poll()).isEqualTo("c");
    assertThat(queue.poll()).isNull();
  }

  @Test
  void aSleepingConsumerWakesWhenAnItemArrives() throws Exception {
    BoundedQueue<String> queue = new BoundedQueue<>(4);
    CountDownLatch sleeping = new CountDownLatch(1);
    Thread consumer = new Thread(() -> {
      sleeping.countDown();
      while (queue.peek() == null) {
        queue.await(BoundedQueue.NO_DEADLINE);
      }
    });
    consumer.start();
    sleeping.await();
    queue.offer("x");
    consumer.join();
    assertThat(queue.poll()).isEqualTo("x");
  }

  @Test
  void wakeEndsASleepOnAConditionAndLeavesASleepForItemsAlone() throws Exception {
    BoundedQueue<String> queue = new BoundedQueue<>(4);
    AtomicBoolean busy = new AtomicBoolean(true);
    AtomicInteger wakeUps = new AtomicInteger();
    Thread onCondition = new Thread(() -> {
      while (busy.get()) {
        queue.await(BoundedQueue.NO_DEADLINE, busy::get);
        wakeUps.incrementAndGet();
      }
    });
    onCondition.start();
    awaitParked(onCondition);
    busy.set(false);
    queue.wake();
    onCondition.join(10_000);
    assertThat(onCondition.isAlive()).isFalse();

    Thread forItems = new Thread(() -> {
      while (queue.peek() == null) {
        queue.await(BoundedQueue.NO_DEADLINE);
        wakeUps.incrementAndGet();
      }
    });
    int before = wakeUps.get();
    forItems.start();
    awaitParked(forItems);
    queue.wake(); // as every finished batch does: must not cost the item-waiting consumer a turn
    Thread.sleep(100);
    assertThat(wakeUps.get()).isEqualTo(before);
    queue.offer("x");
    forItems.join(10_000);
    assertThat(forItems.isAlive()).isFalse();
  }

  private static void awaitParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
  }
}
