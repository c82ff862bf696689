package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prodline.app.CommandLineTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline export} then {@code pipeline run-step}: the exported quickstart is run here the way Argo would run
 * it, task after task with each container's arguments, to show the manifest is runnable, not just valid.
 */
class PipelineExportCommandTest {
  private static final String PIPELINE = "../examples/quickstart/pipeline.yaml";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.\\-]+)}}");

  @TempDir Path dir;

  @Test
  void theExportedQuickstartRunsStepByStepThroughRunStep() throws Exception {
    Path manifest = dir.resolve("workflow.yaml");
    Run export = CommandLineTest.run("pipeline", "export", PIPELINE, "--format", "argo", "--image", "prodline:test",
        "--artifact-root", dir.resolve("shared").toUri().toString(), "--output", manifest.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    JsonNode wf = new YAMLMapper().readTree(manifest.toFile());

    Map<String, String> values = new HashMap<>();
    values.put("workflow.name", "quickstart-x1");
    wf.at("/spec/arguments/parameters").forEach(p -> values.put("workflow.parameters." + p.get("name").asText(),
        p.get("value").asText()));
    for (JsonNode task : wf.at("/spec/templates/0/dag/tasks")) {
      Map<String, String> scope = new HashMap<>(values);
      task.at("/arguments/parameters").forEach(p -> scope.put("inputs.parameters." + p.get("name").asText(),
          substitute(p.get("value").asText(), scope)));
      JsonNode container = template(wf, task.get("template").asText()).get("container");
      assertThat(container.at("/command/0").asText()).isEqualTo("prodline");
      List<String> args = new ArrayList<>();
      container.get("args").forEach(a -> args.add(substitute(a.asText(), scope)));
      args.addAll(List.of("--home", dir.resolve("home-" + task.get("name").asText()).toString()));
      Run step = CommandLineTest.run(args.toArray(String[]::new));
      assertThat(step.exitCode()).as(task.get("name") + ": " + step.err()).isZero();
    }
    assertThat(dir.resolve("shared/quickstart-x1/pusher/pushed/pushed.json")).exists();
  }

  @Test
  void aFailingStepExits1AndWrongArgumentsExit2() {
    Run wrong = CommandLineTest.run("pipeline", "run-step", PIPELINE, "--step", "trainer",
        "--output", "model=" + dir.resolve("m"));
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("step 'trainer' takes inputs [examples, statistics] but was given []");

    Path empty = dir.resolve("empty");
    Run failed = CommandLineTest.run("pipeline", "run-step", PIPELINE, "--step", "statistics_gen",
        "--input", "examples=" + dir, "--output", "statistics=" + empty, "--home", dir.resolve("h").toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("prodline: step statistics_gen failed:");
    assertThat(empty).doesNotExist();
  }

  @Test
  void helpTeachesWithExamples() {
    for (String command : new String[] {"pipeline export", "pipeline run-step"}) {
      Run r = CommandLineTest.run((command + " --help").split(" "));
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Example").contains("prodline " + command);
    }
  }

  private static String substitute(String text, Map<String, String> scope) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = scope.get(m.group(1));
      assertThat(value).as("Argo would resolve {{%s}}", m.group(1)).isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static JsonNode template(JsonNode wf, String name) {
    for (JsonNode t : wf.at("/spec/templates")) {
      if (t.get("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no template " + name);
  }
}
