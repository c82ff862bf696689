package io.prodline.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.metadata.store.ExecutionState;
import io.prodline.pipeline.model.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {
  /** a.csv → a → x ─┐
   *  b.csv → b → y ─┴→ z */
  private static final String DIAMOND = """
      name: diamond
      steps:
        - name: a
          component: Source
          config: {path: a.csv}
        - name: b
          component: Source
          config: {path: b.csv}
        - name: x
          component: Join
          inputs: {in0: a.out}
        - name: y
          component: Join
          inputs: {in0: b.out}
        - name: z
          component: Join2
          inputs: {in0: x.out, in1: y.out}
      """;

  @TempDir Path dir;
  private RunnerFixture f;

  @BeforeEach
  void setUp() throws IOException {
    f = new RunnerFixture(dir);
    Files.writeString(dir.resolve("a.csv"), "x\n1\n");
    Files.writeString(dir.resolve("b.csv"), "x\n2\n");
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private int runs() {
    return f.source.totalRuns() + f.join.totalRuns() + f.join2.totalRuns();
  }

  @Test
  void rerunningUnchangedExecutesNoStepAndRecordsCachedExecutions() throws IOException {
    Pipeline p = f.load(DIAMOND);
    RunResult first = f.run(p);
    assertThat(first.outcomes()).allMatch(o -> o.state() == StepState.COMPLETE);
    assertThat(runs()).isEqualTo(5);

    RunResult second = f.run(p);
    assertThat(second.outcomes()).allMatch(o -> o.state() == StepState.CACHED);
    assertThat(runs()).isEqualTo(5);
    long cachedExecution = second.outcome("z").orElseThrow().executionId();
    assertThat(f.db.store().execution(cachedExecution).orElseThrow().state()).isEqualTo(ExecutionState.CACHED);
    assertThat(second.outcome("z").orElseThrow().outputs().get("out").path())
        .isEqualTo(first.outcome("z").orElseThrow().outputs().get("out").path());
  }

  @Test
  void theSameContentUnderAnotherPathIsACacheHit() throws IOException {
    f.run(f.load(DIAMOND));
    Files.createDirectories(dir.resolve("copy"));
    Files.copy(dir.resolve("a.csv"), dir.resolve("copy/a-renamed.csv"));
    RunResult moved = f.run(f.load(DIAMOND.replace("path: a.csv", "path: copy/a-renamed.csv")));
    assertThat(moved.outcomes()).allMatch(o -> o.state() == StepState.CACHED);
  }

  @Test
  void changingOneInputFileRerunsExactlyTheStepsDownstreamOfIt() throws IOException {
    Pipeline p = f.load(DIAMOND);
    f.run(p);
    Files.writeString(dir.resolve("a.csv"), "x\n100\n");
    RunResult after = f.run(p);
    assertThat(after.state("a")).isEqualTo(StepState.COMPLETE);
    assertThat(after.state("x")).isEqualTo(StepState.COMPLETE);
    assertThat(after.state("z")).isEqualTo(StepState.COMPLETE);
    assertThat(after.state("b")).isEqualTo(StepState.CACHED);
    assertThat(after.state("y")).isEqualTo(StepState.CACHED);
  }

  @Test
  void noCacheRunsEverythingAndCacheVersionInvalidatesOneStep() throws IOException {
    Pipeline p = f.load(DIAMOND);
    f.run(p);
    assertThat(f.run(p, RunOptions.defaults().withCache(false)).outcomes())
        .allMatch(o -> o.state() == StepState.COMPLETE);

    RunResult bumped = f.run(f.load(DIAMOND.replace("inputs: {in0: b.out}", "inputs: {in0: b.out}\n    cache_version: 2")));
    assertThat(bumped.state("y")).isEqualTo(StepState.COMPLETE);
    assertThat(bumped.state("x")).isEqualTo(StepState.CACHED);
    // y wrote the same bytes again, so z's inputs did not change: caching is by content, not by "ran again".
    assertThat(bumped.state("z")).isEqualTo(StepState.CACHED);
  }

  @Test
  void aStepThatFailsThenSucceedsOnRetryCompletes() throws IOException {
    f.join.behaviour = (context, attempt) -> {
      if (context.stepName().equals("x") && attempt == 1) {
        throw new IllegalStateException("flaky storage");
      }
    };
    Pipeline p = f.load(DIAMOND.replace("inputs: {in0: a.out}", "inputs: {in0: a.out}\n    retries: 2\n    retry_backoff: 10ms"));
    RunResult result = f.run(p);
    assertThat(result.succeeded()).isTrue();
    assertThat(result.outcome("x").orElseThrow().attempts()).isEqualTo(2);
    assertThat(Files.readString(result.logDirectory().resolve("x.log"))).contains("flaky storage");
    assertNoStagingLeft();
  }

  @Test
  void aStepThatRunsPastItsTimeoutFailsAndItsDownstreamIsSkipped() throws IOException {
    f.join.behaviour = (context, attempt) -> {
      if (context.stepName().equals("y")) {
        Thread.sleep(60_000);
      }
    };
    Pipeline p = f.load(DIAMOND.replace("inputs: {in0: b.out}", "inputs: {in0: b.out}\n    timeout: 200ms"));
    long start = System.nanoTime();
    RunResult result = f.run(p);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(result.state("y")).isEqualTo(StepState.FAILED);
    assertThat(result.outcome("y").orElseThrow().error()).contains("timed out");
    assertThat(result.state("z")).isEqualTo(StepState.SKIPPED);
    assertThat(result.state("x")).isEqualTo(StepState.COMPLETE);
    assertNoStagingLeft();
  }

  @Test
  void afterACrashInOneStepTheNextRunResumesFromThatStep() throws IOException {
    f.join2.behaviour = (context, attempt) -> {
      throw new IllegalStateException("simulated crash after x and y were published");
    };
    Pipeline p = f.load(DIAMOND);
    RunResult crashed = f.run(p);
    assertThat(crashed.state("z")).isEqualTo(StepState.FAILED);
    assertThat(f.db.store().execution(crashed.outcome("z").orElseThrow().executionId()).orElseThrow().state())
        .isEqualTo(ExecutionState.FAILED);

    f.join2.behaviour = (context, attempt) -> {};
    RunResult resumed = f.run(p);
    assertThat(resumed.state("a")).isEqualTo(StepState.CACHED);
    assertThat(resumed.state("x")).isEqualTo(StepState.CACHED);
    assertThat(resumed.state("y")).isEqualTo(StepState.CACHED);
    assertThat(resumed.state("z")).isEqualTo(StepState.COMPLETE);
    assertThat(f.source.totalRuns()).isEqualTo(2);
  }

  @Test
  void cancellingARunStopsTheRunningStepAndLeavesNothingHalfWritten() throws Exception {
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    f.join.behaviour = (context, attempt) -> {
      Files.createDirectories(context.output("out"));
      Files.writeString(context.output("out").resolve("half"), "half-written");
      started.countDown();
      Thread.sleep(60_000);
    };
    Pipeline p = f.load(DIAMOND);
    PipelineRunner runner = new PipelineRunner(f.db.store(), f.db.registry(), f.home, RunOptions.defaults());
    var result = java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.run(p));
    assertThat(started.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    runner.cancel(Duration.ofSeconds(20));
    RunResult r = result.get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(r.state("z")).isIn(StepState.CANCELED, StepState.SKIPPED);
    assertThat(r.outcomes()).anyMatch(o -> o.state() == StepState.CANCELED);
    assertNoStagingLeft();
    try (Stream<Path> files = Files.walk(f.home.resolve("artifacts"))) {
      assertThat(files.filter(x -> x.getFileName().toString().equals("half"))).isEmpty();
    }
  }

  @Test
  void aCommandComponentRunsAShellScriptWithItsFoldersInEnvironmentVariables() throws IOException {
    Files.writeString(dir.resolve("count.sh"), """
        #!/bin/sh
        set -e
        wc -l < "$PRODLINE_INPUT_DATA/data" > "$PRODLINE_OUTPUT_REPORT/lines.txt"
        echo "counted for $PRODLINE_STEP"
        """);
    Pipeline p = f.load("""
        name: command
        steps:
          - name: a
            component: Source
            config: {path: a.csv}
          - name: count
            component: Command
            inputs: {data: a.out}
            config:
              command: [sh, count.sh]
              outputs: {report: ModelEvaluation}
        """);
    RunResult result = f.run(p);
    assertThat(result.succeeded()).as("%s", result).isTrue();
    Path report = result.outcome("count").orElseThrow().outputs().get("report").path();
    assertThat(Files.readString(report.resolve("lines.txt")).strip()).isEqualTo("2");
    assertThat(Files.readString(result.logDirectory().resolve("count.log"))).contains("counted for count");
    assertThat(f.run(p).state("count")).isEqualTo(StepState.CACHED);

    Files.writeString(dir.resolve("count.sh"), """
        #!/bin/sh
        wc -c < "$PRODLINE_INPUT_DATA/data" > "$PRODLINE_OUTPUT_REPORT/lines.txt"
        """);
    RunResult edited = f.run(p);
    assertThat(edited.state("count")).as("an edited script reruns its step").isEqualTo(StepState.COMPLETE);
    assertThat(edited.state("a")).isEqualTo(StepState.CACHED);
    Path bytes = edited.outcome("count").orElseThrow().outputs().get("report").path();
    assertThat(Files.readString(bytes.resolve("lines.txt")).strip()).isNotEqualTo("2");
  }

  @Test
  void aCommandThatExitsNonZeroFailsTheStep() throws IOException {
    Pipeline p = f.load("""
        name: command
        steps:
          - name: fail
            component: Command
            config: {command: [sh, -c, "echo broken >&2; exit 3"]}
        """);
    RunResult result = f.run(p);
    assertThat(result.state("fail")).isEqualTo(StepState.FAILED);
    assertThat(result.outcome("fail").orElseThrow().error()).contains("status 3");
    assertThat(Files.readString(result.logDirectory().resolve("fail.log"))).contains("broken");
  }

  private void assertNoStagingLeft() throws IOException {
    Path staging = f.home.resolve("artifacts/.staging");
    if (Files.exists(staging)) {
      try (Stream<Path> left = Files.list(staging)) {
        assertThat(left).isEmpty();
      }
    }
  }
}
