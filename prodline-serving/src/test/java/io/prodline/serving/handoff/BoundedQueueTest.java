package io.prodline.serving.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
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
}
