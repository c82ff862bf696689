package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.health.Readiness;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.inference.RequestRunner;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.protocol.BadRequestException;
import io.prodline.serving.protocol.v2.InferRequestDecoder;
import io.prodline.serving.protocol.v2.InferenceResult;

import io.prodline.serving.protocol.v2.V2Inference;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests of a batched model that wait for a worker run as one batch: the worker that starts the first of them takes
 * the others from the workers' queue, where they wait undecoded and the batcher cannot see them. One worker, held at
 * {@link LinearTestRuntimeProvider#GATE} by a first request (x: output x), while the next ones queue behind it.
 */
class WaitingRequestsBatchTest {
  @TempDir
  Path root;
  ModelRepository repository;
  ThreadPoolExecutor worker;
  Deadlines deadlines;
  ServingMetrics metrics;
  Batchers batchers;
  final List<Integer> batchRows = new CopyOnWriteArrayList<>();
  int runningBefore;

  @BeforeEach
  void start() {
    LinearTestRuntimeProvider.GATE = new CountDownLatch(1);
    runningBefore = LinearTestRuntimeProvider.RUNNING.get();
    TestRepository.gated(root);
    repository = ModelRepository.scan(root);
    worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(16));
    deadlines = new Deadlines();
    metrics = new ServingMetrics();
  }

  @AfterEach
  void stop() {
    LinearTestRuntimeProvider.GATE.countDown();
    batchers.close();
    worker.shutdownNow();
    metrics.close();
    deadlines.close();
    repository.close();
  }

  /** The Open Inference operations on a runner over the one worker, batching with at most {@code maxRows} rows. */
  private V2Inference batchingUpTo(int maxRows) {
    return batchingUpTo(maxRows, 1);
  }

  /** As {@link #batchingUpTo(int)}, the runner told that {@code workers} workers take from the queue. */
  private V2Inference batchingUpTo(int maxRows, int workers) {
    batchers = new Batchers(BatchingConfig.on(maxRows, Duration.ZERO, 64), model -> Optional.empty(), worker, 1,
        new BatchObserver() {
          @Override
          public void batchRan(String model, long version, int rows) {
            batchRows.add(rows);
          }
        });
    RequestRunner.WorkerQueue queue = new RequestRunner.WorkerQueue(worker.getQueue(), workers);
    RequestRunner runner = new RequestRunner(repository, worker, queue, new Inference(batchers, null),
        RequestLimits.DEFAULT, deadlines, metrics);
    return new V2Inference(runner, Readiness.ofModels(repository));
  }

  private static CompletableFuture<InferenceResult> send(V2Inference v2, String data) {
    String json = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": " + data + "}]}";
    return v2.infer("rest_v2", "gated", "", null, null,
        () -> InferRequestDecoder.decode(json.getBytes(StandardCharsets.UTF_8), -1));
  }

  /** Sends x = 1, which holds the worker at the gate, then {@code data} one request each, which queue behind it. */
  private List<CompletableFuture<InferenceResult>> holdTheWorkerThenQueue(V2Inference v2, String... data) {
    CompletableFuture<InferenceResult> first = send(v2, "[1]");
    Eventually.await("the first request in the model",
        () -> LinearTestRuntimeProvider.RUNNING.get() == runningBefore + 1);
    List<CompletableFuture<InferenceResult>> sent = new ArrayList<>(List.of(first));
    for (String d : data) {
      sent.add(send(v2, d));
    }
    Eventually.await("every other request waiting for the worker", () -> worker.getQueue().size() == data.length);
    LinearTestRuntimeProvider.GATE.countDown();
    return sent;
  }

  private static double x(CompletableFuture<InferenceResult> answer) {
    return answer.join().outputs().get(0).values()[0];
  }

  @Test
  void requestsWaitingForTheWorkerRunAsOneModelCallEachGettingItsOwnAnswer() {
    List<CompletableFuture<InferenceResult>> answers =
        holdTheWorkerThenQueue(batchingUpTo(256), "[2]", "[3]", "[\"three\"]", "[4]");

    assertThat(x(answers.get(0))).isEqualTo(1);
    assertThat(x(answers.get(1))).isEqualTo(2);
    assertThat(x(answers.get(2))).isEqualTo(3);
    // A request that fails to decode is answered alone; the others still run together.
    assertThat(answers.get(3)).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
        .havingCause().isInstanceOf(BadRequestException.class);
    assertThat(x(answers.get(4))).isEqualTo(4);
    assertThat(batchRows).containsExactly(1, 3);
  }

  @Test
  void aWorkerTakesItsShareOfTheWaitingRequestsLeavingTheRestToTheOthers() {
    // Told of two workers: the one that starts request 2 takes half of the three behind it (rounded up).
    List<CompletableFuture<InferenceResult>> answers =
        holdTheWorkerThenQueue(batchingUpTo(256, 2), "[2]", "[3]", "[4]", "[5]");

    for (int i = 0; i < answers.size(); i++) {
      assertThat(x(answers.get(i))).isEqualTo(i + 1);
    }
    assertThat(batchRows).containsExactly(1, 3, 1);
  }

  @Test
  void aBatchTakesNoMoreRowsThanItsLimit() {
    List<CompletableFuture<InferenceResult>> answers = holdTheWorkerThenQueue(batchingUpTo(2), "[2]", "[3]", "[4]");

    for (int i = 0; i < answers.size(); i++) {
      assertThat(x(answers.get(i))).isEqualTo(i + 1);
    }
    assertThat(batchRows).containsExactly(1, 2, 1);
  }
}
