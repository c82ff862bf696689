package io.prodline.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.pipeline.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two identical executions at once: one runs, the other waits for it and reuses its outputs. */
class IdenticalExecutionsTest {
  private static final String ONE_STEP = """
      name: one
      steps:
        - name: a
          component: Source
          config: {path: a.csv}
      """;

  @TempDir Path dir;
  private RunnerFixture f;

  @BeforeEach
  void setUp() throws IOException {
    f = new RunnerFixture(dir);
    Files.writeString(dir.resolve("a.csv"), "x\n1\n");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  @Test
  void twoIdenticalRunsAtOnceRunTheStepOnceAndTheSecondReusesItsOutputs() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    f.source.behaviour = (context, attempt) -> {
      running.countDown();
      Thread.sleep(1_000);
    };
    Pipeline p = f.load(ONE_STEP);
    CompletableFuture<RunResult> first = CompletableFuture.supplyAsync(() -> f.run(p));
    assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();
    RunResult second = f.run(p);
    RunResult firstResult = first.get(20, TimeUnit.SECONDS);

    assertThat(f.source.runs("a")).isEqualTo(1);
    assertThat(List.of(firstResult.state("a"), second.state("a")))
        .containsExactly(StepState.COMPLETE, StepState.CACHED);
    assertThat(second.outcome("a").orElseThrow().outputs().get("out").path())
        .isEqualTo(firstResult.outcome("a").orElseThrow().outputs().get("out").path());
  }

  @Test
  void aStepWaitsWhileAnotherProcessHoldsTheLeaseOnItsCacheKey() throws Exception {
    Pipeline p = f.load(ONE_STEP);
    RunResult first = f.run(p);
    String key = f.db.store().execution(first.outcome("a").orElseThrow().executionId()).orElseThrow().cacheKey();
    // The outputs are gone, so the next run must execute, but another process holds the key.
    Publisher.discard(first.outcome("a").orElseThrow().outputs().get("out").path());
    assertThat(f.db.store().leaseCacheKey(key, "another-process", Duration.ofMinutes(1))).isTrue();

    CompletableFuture<RunResult> waiting = CompletableFuture.supplyAsync(() -> f.run(p));
    Thread.sleep(800);
    assertThat(waiting).isNotDone();
    assertThat(f.source.runs("a")).isEqualTo(1);

    f.db.store().releaseCacheKey(key, "another-process");
    assertThat(waiting.get(20, TimeUnit.SECONDS).state("a")).isEqualTo(StepState.COMPLETE);
    assertThat(f.source.runs("a")).isEqualTo(2);
    assertThat(f.db.store().leaseCacheKey(key, "later", Duration.ofMinutes(1))).as("released after the run").isTrue();
  }
}
