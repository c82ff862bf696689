package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.app.CommandLineTest.Run;
import io.prodline.core.fingerprint.ContentFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prodline pipeline run|show}, {@code prodline lineage} and {@code prodline models} on the quickstart. */
class PipelineCommandsTest {
  private static final String PIPELINE = "../examples/quickstart/pipeline.yaml";

  @Test
  void runShowLineageAndModels(@TempDir Path home) {
    String h = home.toString();
    Run first = CommandLineTest.run("pipeline", "run", PIPELINE, "--home", h);
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).contains("Succeeded: 8 ran, 0 cached");

    Run second = CommandLineTest.run("pipeline", "run", PIPELINE, "--home", h);
    assertThat(second.out()).contains("Succeeded: 0 ran, 8 cached");

    assertThat(CommandLineTest.run("pipeline", "show", PIPELINE, "--home", h).out())
        .contains("trainer").contains("CACHED").contains("<- examples: example_gen.examples");

    assertThat(CommandLineTest.run("lineage", "breast_cancer:1", "--home", h).out())
        .contains("sha256:" + ContentFingerprint.sha256(Path.of("../examples/data/breast_cancer.csv")));

    // Downstream from the data, found by content: a copy of the file under another name names the same model.
    Path copy = home.resolve("renamed.csv");
    try {
      Files.copy(Path.of("../examples/data/breast_cancer.csv"), copy);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(CommandLineTest.run("lineage", "--downstream", copy.toString(), "--home", h).out())
        .contains("-> Model").contains("registered as breast_cancer:1");
    assertThat(CommandLineTest.run("lineage", "--downstream", PIPELINE, "--home", h).err())
        .contains("no pipeline recorded in this metadata store read data with sha256");

    assertThat(CommandLineTest.run("models", "list", "--home", h).out()).contains("breast_cancer").contains("champion=v1");
    assertThat(CommandLineTest.run("models", "show", "breast_cancer", "--home", h).out()).contains("v1");
    assertThat(CommandLineTest.run("models", "alias", "breast_cancer", "challenger", "1", "--home", h).out())
        .contains("breast_cancer@challenger -> v1").doesNotContain("serving");
    assertThat(CommandLineTest.run("models", "promote", "breast_cancer", "1", "--home", h).out())
        .as("champion is the alias the serving directory follows")
        .contains("serving " + home.toAbsolutePath().resolve("models/breast_cancer/1"));
  }

  @Test
  void anInvalidPipelineExitsWithStatus2AndEveryProblemAtItsLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "name: p\nsteps:\n  - name: a\n    component: Nope\n");
    Run r = CommandLineTest.run("pipeline", "run", file.toString(), "--home", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("p.yaml:4:5: step 'a': unknown component 'Nope'");
  }
}
