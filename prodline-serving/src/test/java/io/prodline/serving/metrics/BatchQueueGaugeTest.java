package io.prodline.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The batching queue's depth gauge: readable for as long as the queue lives, gone with it. */
class BatchQueueGaugeTest {
  private static final String DEPTH = "prodline_batch_queue_depth{model=\"m\",version=\"3\"}";

  @Test
  void reportsTheDepthAfterAGarbageCollectionAndDisappearsWhenTheQueueIsRetired() throws InterruptedException {
    AtomicInteger waiting = new AtomicInteger(5);
    try (ServingMetrics metrics = new ServingMetrics()) {
      // A lambda nothing else holds, as the batcher passes it.
      metrics.queueCreated("m", 3, () -> waiting.get());
      for (int i = 0; i < 3; i++) {
        System.gc();
        Thread.sleep(20);
      }
      assertThat(metrics.scrape()).contains(DEPTH + " 5");

      metrics.queueRetired("m", 3);
      assertThat(metrics.scrape()).doesNotContain(DEPTH);
    }
  }
}
