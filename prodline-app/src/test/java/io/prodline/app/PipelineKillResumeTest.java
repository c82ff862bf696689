package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.app.CommandLineTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's proof: {@code kill -9} of {@code prodline pipeline run} while its trainer step runs, then a plain re-run
 * of the same pipeline, resumes at the trainer: the steps before it are cache hits and nothing the killed attempt
 * half-wrote is published.
 *
 * <p>The "trainer" is a {@code Command} step that writes a first file into its staging output, then sleeps until a
 * marker file exists (at most 60 s), then writes its last file. The test kills the process once the first file is
 * there, creates the marker, and runs the same pipeline file again. The re-run waits for the killed process's
 * lease on the trainer's cache key to lapse (30 s), so this test takes about half a minute.
 */
class PipelineKillResumeTest {
  private static final long WAIT_MS = 60_000;

  @Test
  void killMinus9DuringTheTrainerThenRerunningResumesAtTheTrainer(@TempDir Path dir) throws Exception {
    Path data = Path.of("../examples/data/breast_cancer.csv").toAbsolutePath().normalize();
    Path home = dir.resolve("home");
    Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: killed
        steps:
          - name: example_gen
            component: ExampleGen
            config: {path: '%s', eval_fraction: 0.2}
          - name: statistics_gen
            component: StatisticsGen
            inputs: {examples: example_gen.examples}
          - name: trainer
            component: Command
            inputs: {examples: example_gen.examples, statistics: statistics_gen.statistics}
            config:
              command: [sh, -c, 'echo started > "$PRODLINE_OUTPUT_MODEL/started"; i=0; while [ ! -f MARKER ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; echo done > "$PRODLINE_OUTPUT_MODEL/done"']
              outputs: {model: Model}
        """.formatted(data));

    // 1. The first run, in its own JVM, killed with SIGKILL once the trainer's command is running.
    Path firstOut = dir.resolve("first-run.out");
    Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "pipeline", "run", pipeline.toString(), "--home", home.toString())
        .redirectErrorStream(true).redirectOutput(firstOut.toFile()).start();
    Path staging = home.resolve("artifacts").resolve(".staging");
    Optional<Path> started = Optional.empty();
    try {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
      while (started.isEmpty() && first.isAlive() && System.nanoTime() < deadline) {
        started = find(staging, "started");
        if (started.isEmpty()) {
          Thread.sleep(50);
        }
      }
      assertThat(started).as("the trainer's command started in the first run; its output:%n%s", read(firstOut))
          .isPresent();
      assertThat(first.isAlive()).as("the first run is still in the trainer").isTrue();
    } finally {
      List<ProcessHandle> children = first.descendants().toList();
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
      children.forEach(ProcessHandle::destroyForcibly);
      assertThat(first.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)).isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(WAIT_MS, TimeUnit.MILLISECONDS);
      }
    }
    assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    String firstRun = read(firstOut);
    assertThat(firstRun).contains("example_gen").contains("statistics_gen").doesNotContain("Succeeded");
    Path trainerArtifacts = home.resolve("artifacts").resolve("killed").resolve("trainer");
    assertThat(trainerArtifacts).as("the killed trainer published nothing").doesNotExist();

    // 2. The same pipeline file again, now that the trainer's command finishes at once.
    Files.writeString(dir.resolve("MARKER"), "");
    Run second = CommandLineTest.run("pipeline", "run", pipeline.toString(), "--home", home.toString());
    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).containsPattern("example_gen\\s+CACHED").containsPattern("statistics_gen\\s+CACHED")
        .containsPattern("trainer\\s+COMPLETE").contains("Succeeded: 1 ran, 2 cached, 0 did not succeed");

    String show = CommandLineTest.run("pipeline", "show", pipeline.toString(), "--home", home.toString()).out();
    assertThat(show).containsPattern("example_gen\\s+ExampleGen\\s+CACHED")
        .containsPattern("statistics_gen\\s+StatisticsGen\\s+CACHED")
        .containsPattern("trainer\\s+Command\\s+COMPLETE");

    // 3. Where outputs are published there is exactly the re-run's trainer output, whole; the killed attempt's
    //    half-written folder was never moved there.
    try (Stream<Path> published = Files.list(trainerArtifacts)) {
      List<Path> attempts = published.toList();
      assertThat(attempts).hasSize(1);
      Path model = attempts.get(0).resolve("model");
      assertThat(model.resolve("started")).exists();
      assertThat(model.resolve("done")).exists();
    }
    Path killedAttempt = staging.relativize(started.get()).getName(0);
    try (Stream<Path> all = Files.walk(home.resolve("artifacts"))) {
      assertThat(all.filter(p -> !p.startsWith(staging)))
          .as("nothing from the killed attempt %s outside the staging area", killedAttempt)
          .noneMatch(p -> p.getFileName().equals(killedAttempt));
    }
  }

  /** The first file named {@code name} below {@code root}, if any (the tree may change while it is read). */
  private static Optional<Path> find(Path root, String name) {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals(name)).findFirst();
    } catch (Exception racing) {
      return Optional.empty();
    }
  }

  private static String read(Path file) throws Exception {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
