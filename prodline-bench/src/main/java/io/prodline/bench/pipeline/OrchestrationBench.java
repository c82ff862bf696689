package io.prodline.bench.pipeline;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import io.prodline.pipeline.run.PipelineRunner;
import io.prodline.pipeline.run.RunOptions;
import io.prodline.pipeline.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Orchestration overhead per empty step: a chain of {@code steps} Command steps running {@code true}, each
 * reading the previous step's output, run by {@link PipelineRunner} against a SQLite store under {@code home}.
 * Three timings: a run with the cache off (every step runs: cache key, staging, process, fingerprint, atomic
 * publish, recorded execution), a re-run with the cache on (every step a hit, recorded as CACHED), and the peer:
 * starting {@code true} the same number of times from this JVM, the part of a step no orchestrator can avoid.
 *
 * <p>Usage: {@code OrchestrationBench HOME STEPS}; HOME must not exist yet.
 */
public final class OrchestrationBench {
  private OrchestrationBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: OrchestrationBench HOME STEPS");
      System.exit(2);
    }
    Path home = Files.createDirectory(Path.of(args[0]));
    int steps = Integer.parseInt(args[1]);
    Path file = home.resolve("empty-steps.yaml");
    Files.writeString(file, yaml(steps));
    Pipeline pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      PipelineRunner runner = new PipelineRunner(db.store(), db.registry(), home, RunOptions.defaults());
      report("cache off, every step runs", steps, () -> new PipelineRunner(db.store(), db.registry(), home,
          RunOptions.defaults().withCache(false)).run(pipeline));
      report("cache on, every step a hit", steps, () -> runner.run(pipeline));
    }
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      new ProcessBuilder("true").start().waitFor();
    }
    System.out.printf("peer: starting `true` %d times: %.2f ms per process%n", steps,
        (System.nanoTime() - start) / 1e6 / steps);
  }

  /** A linear chain, so steps run one after another and the wall time is the sum of per-step costs. */
  static String yaml(int steps) {
    StringBuilder y = new StringBuilder("name: empty-steps\nsteps:\n");
    for (int i = 0; i < steps; i++) {
      y.append("  - name: s").append(i).append("\n    component: Command\n");
      if (i > 0) {
        y.append("    inputs: {in: s").append(i - 1).append(".out}\n");
      }
      y.append("    config: {command: [\"true\"], outputs: {out: Examples}}\n");
    }
    return y.toString();
  }

  private static void report(String what, int steps, Supplier<RunResult> run) {
    long start = System.nanoTime();
    RunResult result = run.get();
    double millis = (System.nanoTime() - start) / 1e6;
    if (!result.succeeded()) {
      throw new IllegalStateException(what + ": the run failed: " + result.outcomes());
    }
    System.out.printf("%s: %d steps in %.0f ms, %.2f ms per step%n", what, steps, millis, millis / steps);
  }
}
