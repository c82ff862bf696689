package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.app.CommandLineTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code prodline pipeline schedule} end to end: a file lands in a watched folder and the pipeline runs once. */
class PipelineScheduleCommandTest {
  @TempDir Path dir;

  @Test
  void aNewFileInAWatchedFolderRunsThePipelineOnce() throws Exception {
    Path incoming = Files.createDirectories(dir.resolve("incoming"));
    Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: watched
        steps:
          - {name: count, component: Command, config: {command: [sh, -c, 'ls incoming | wc -l'], outputs: {}}}
        """);
    StringWriter out = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("pipeline", "schedule",
        pipeline.toString(), "--watch", incoming.toString(), "--poll-interval", "50ms", "--once",
        "--home", dir.resolve("home").toString()));

    awaitOutput(out, "Scheduling"); // the folder's first listing is the baseline: only later files count
    Files.writeString(incoming.resolve("span-1.csv"), "a,b\n1,2\n");

    assertThat(exit.get(60, TimeUnit.SECONDS)).as(out.toString()).isZero();
    assertThat(out.toString()).contains("trigger: watch '" + incoming + "': new span-1.csv -> starting a run")
        .contains("Succeeded: 1 ran");
  }

  @Test
  void withoutATriggerOrWithAWrongCronItSaysWhy() {
    Run none = CommandLineTest.run("pipeline", "schedule", "../examples/quickstart/pipeline.yaml");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("nothing to schedule on: give --cron, --watch or both");
    Run wrong = CommandLineTest.run("pipeline", "schedule", "../examples/quickstart/pipeline.yaml", "--cron", "3am");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("'3am' is not a Unix cron expression");
  }

  @Test
  void helpTeachesWithExamples() {
    Run r = CommandLineTest.run("pipeline", "schedule", "--help");
    assertThat(r.out()).contains("Example").contains("prodline pipeline schedule").contains("--cron");
  }

  private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!out.toString().contains(text)) {
      assertThat(System.nanoTime()).as("waiting for '%s' in: %s", text, out).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
