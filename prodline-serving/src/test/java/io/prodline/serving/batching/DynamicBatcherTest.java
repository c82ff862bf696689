package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.statistics.RequestTiming;
import io.prodline.serving.statistics.VersionStatistics;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a batcher runs a request at once and when it makes it wait, on a model held by
 * {@link LinearTestRuntimeProvider#GATE} (x: output x). The batch delay is ten minutes, longer than the test waits,
 * so a request that reaches the model did not wait out its deadline.
 */
class DynamicBatcherTest {
  private static final BatchingConfig TEN_MINUTES = BatchingConfig.on(256, Duration.ofMinutes(10), 16);

  @TempDir
  Path root;
  Predictor predictor;
  ExecutorService workers;
  DynamicBatcher batcher;
  int runningBefore;

  @BeforeEach
  void start() {
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    runningBefore = LinearTestRuntimeProvider.RUNNING.get();
    predictor = Predictor.load(TestRepository.gated(root));
    workers = Executors.newFixedThreadPool(2);
    batcher = new DynamicBatcher("gated", 1, predictor, new VersionStatistics(), TEN_MINUTES, workers, 2,
        BatchObserver.NONE);
  }

  @AfterEach
  void stop() {
    LinearTestRuntimeProvider.GATE.countDown();
    batcher.close();
    workers.shutdownNow();
    predictor.close();
  }

  /** A request's timing as a worker hands it to the batcher: its inputs ready now. */
  private static RequestTiming inputsReadyNow() {
    RequestTiming timing = RequestTiming.arrivedNow();
    timing.inputsReady(1, System.nanoTime());
    return timing;
  }

  /** Submits x on a thread of its own, as a prediction worker would; completes once submit has returned. */
  private CompletableFuture<CompletableFuture<Predictions>> submitOnAWorker(float x) {
    return submitOnAWorker(batcher, x);
  }

  private static CompletableFuture<CompletableFuture<Predictions>> submitOnAWorker(DynamicBatcher to, float x) {
    return CompletableFuture.supplyAsync(() -> to.submit(new float[] {x}, 1, inputsReadyNow()), task -> {
      Thread worker = new Thread(task, "test-worker");
      worker.setDaemon(true);
      worker.start();
    });
  }

  private void awaitInModel(int requests) {
    Eventually.await(requests + " request(s) in the model",
        () -> LinearTestRuntimeProvider.RUNNING.get() == runningBefore + requests);
  }

  @Test
  void aRequestForAnIdleModelRunsOnTheWorkerThatSubmitsIt() {
    CompletableFuture<CompletableFuture<Predictions>> submitted = submitOnAWorker(3);
    awaitInModel(1);
    // The model holds the request on the submitting thread itself: submit has not returned.
    assertThat(submitted).isNotDone();
    assertThat(batcher.queued()).isZero();

    LinearTestRuntimeProvider.GATE.countDown();
    assertThat(submitted.join()).isCompleted();
    assertThat(submitted.join().join().values()).containsExactly(3f);
  }

  @Test
  void whileAWorkerIsFreeAQueuedRequestRunsWithoutWaitingForFollowers() {
    CompletableFuture<CompletableFuture<Predictions>> first = submitOnAWorker(1);
    awaitInModel(1);
    // The model is busy, so the second request queues; one worker of two is free, so its batch goes at once.
    CompletableFuture<CompletableFuture<Predictions>> second = submitOnAWorker(2);
    assertThat(second.join()).isNotDone();
    awaitInModel(2);

    LinearTestRuntimeProvider.GATE.countDown();
    assertThat(first.join().join().values()).containsExactly(1f);
    assertThat(second.join().join().values()).containsExactly(2f);
  }

  @Test
  void aBatchWaitingForFollowersGoesTheMomentAWorkerFrees() throws Exception {
    CompletableFuture<CompletableFuture<Predictions>> first = submitOnAWorker(1);
    awaitInModel(1);
    CompletableFuture<CompletableFuture<Predictions>> second = submitOnAWorker(2);
    awaitInModel(2);
    // Both workers are busy: the third waits for followers, with ten minutes to go.
    CompletableFuture<Predictions> third = submitOnAWorker(3).join();
    Thread.sleep(100);
    assertThat(third).isNotDone();
    assertThat(LinearTestRuntimeProvider.RUNNING.get()).isEqualTo(runningBefore + 2);

    LinearTestRuntimeProvider.GATE.countDown();
    assertThat(first.join().join().values()).containsExactly(1f);
    assertThat(second.join().join().values()).containsExactly(2f);
    assertThat(third).succeedsWithin(Duration.ofSeconds(10)).satisfies(p -> assertThat(p.values())
        .containsExactly(3f));
  }

  @Test
  void aDelayOfZeroBatchesWhatQueuesUntilAWorkerIsFree() {
    List<Integer> batchRows = new CopyOnWriteArrayList<>();
    BatchObserver batches = new BatchObserver() {
      @Override
      public void batchRan(String model, long version, int rows) {
        batchRows.add(rows);
      }
    };
    // One worker, so the first request keeps every worker busy while the next three queue.
    try (DynamicBatcher oneWorker = new DynamicBatcher("gated", 1, predictor, new VersionStatistics(),
        BatchingConfig.on(256, Duration.ZERO, 16), workers, 1, batches)) {
      CompletableFuture<CompletableFuture<Predictions>> first = submitOnAWorker(oneWorker, 1);
      awaitInModel(1);
      List<CompletableFuture<Predictions>> queued = List.of(submitOnAWorker(oneWorker, 2).join(),
          submitOnAWorker(oneWorker, 3).join(), submitOnAWorker(oneWorker, 4).join());

      LinearTestRuntimeProvider.GATE.countDown();
      assertThat(first.join().join().values()).containsExactly(1f);
      for (int i = 0; i < queued.size(); i++) {
        assertThat(queued.get(i).join().values()).containsExactly(i + 2f);
      }
      // TF Serving's and Triton's delay of 0: what queued while the model was busy ran as one model call.
      assertThat(batchRows).containsExactly(1, 3);
    }
  }
}
