package io.prodline.pipeline.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.MetadataStores;
import io.prodline.pipeline.model.ComponentRegistry;
import io.prodline.pipeline.model.Pipeline;
import io.prodline.pipeline.model.PipelineYaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run-step}: one step, inputs and outputs at given locations, as each pod of an Argo workflow runs it. */
class SingleStepRunnerTest {
  @TempDir Path dir;
  private MetadataDatabase db;
  private SingleStepRunner runner;
  private Pipeline pipeline;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws Exception {
    db = MetadataStores.open(null, dir.resolve("home"));
    runner = new SingleStepRunner(db.registry(), dir.resolve("home"),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    Path file = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: two
        steps:
          - name: make
            component: Command
            config: {command: [sh, -c, 'mkdir -p "$PRODLINE_OUTPUT_DATA" && echo 41 > "$PRODLINE_OUTPUT_DATA/n"'],
                     outputs: {data: Examples}}
          - name: add
            component: Command
            inputs: {in: make.data}
            config:
              command: [sh, -c, 'test -f "$PRODLINE_INPUT_IN/n" && mkdir -p "$PRODLINE_OUTPUT_OUT"
                                 && expr $(cat "$PRODLINE_INPUT_IN/n") + 1 > "$PRODLINE_OUTPUT_OUT/n"']
              outputs: {out: Statistics}
        """);
    pipeline = PipelineYaml.load(file, ComponentRegistry.discover());
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void runsOneStepAtATimeReadingAndWritingTheGivenLocations() throws Exception {
    Path root = dir.resolve("root/run-1");
    runner.run(pipeline, "make", "run-1", Map.of(), Map.of("data", root.resolve("make/data").toString()));
    runner.run(pipeline, "add", "run-1", Map.of("in", root.resolve("make/data").toUri().toString()),
        Map.of("out", root.resolve("add/out").toString()));

    assertThat(Files.readString(root.resolve("add/out/n")).strip()).isEqualTo("42");
    assertThat(Files.list(root.resolve("add"))).as("no partial folder is left").hasSize(1);
  }

  @Test
  void refusesWrongLocationsBeforeRunningAnything() {
    Path out = dir.resolve("out");
    assertThatThrownBy(() -> runner.run(pipeline, "nope", "r", Map.of(), Map.of()))
        .hasMessageContaining("has no step 'nope'; its steps are [make, add]");
    assertThatThrownBy(() -> runner.run(pipeline, "add", "r", Map.of(), Map.of("out", out.toString())))
        .hasMessageContaining("step 'add' takes inputs [in] but was given []");
    assertThatThrownBy(() -> runner.run(pipeline, "add", "r", Map.of("in", dir.resolve("missing").toString()),
        Map.of("out", out.toString()))).hasMessageContaining("input 'in' (make.data) does not exist");
    assertThatThrownBy(() -> runner.run(pipeline, "make", "r", Map.of(), Map.of("data", "s3://b/k")))
        .hasMessageContaining("not a local location");
  }

  @Test
  void aFailedStepLeavesNoOutputAndAnExistingOutputIsNeverOverwritten() throws Exception {
    Path data = dir.resolve("make/data");
    Files.createDirectories(data.getParent());
    Path absent = dir.resolve("add/out");
    assertThatThrownBy(() -> runner.run(pipeline, "add", "r", Map.of("in", dir.toString()),
        Map.of("out", absent.toString()))).isInstanceOf(SingleStepRunner.StepFailedException.class);
    assertThat(Files.list(absent.getParent())).isEmpty();

    Files.createDirectories(data);
    assertThatThrownBy(() -> runner.run(pipeline, "make", "r", Map.of(), Map.of("data", data.toString())))
        .hasMessageContaining("already exists");
  }
}
