package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.BundleReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandsHelpTeachesWithAnExample() {
    for (String command : new String[] {"quickstart", "train", "serve", "data", "data stats", "data generate"}) {
      Run r = run((command + " --help").split(" "));
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Example").contains("prodline " + command);
    }
    assertThat(run("--help").out()).contains("quickstart").contains("train").contains("serve");
  }

  @Test
  void serveHelpShowsTheLifecycleOptionsAndAManagementPortNeedsAToken(@TempDir Path dir) {
    assertThat(run("serve", "--help").out()).contains("--poll-seconds", "--model-config", "--management-port",
        "--management-token", "openssl rand -hex 32");
    Run r = run("serve", "--models", dir.toString(), "--rest-port", "0", "--management-port", "0",
        "--management-token", "short");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("at least 16 characters");
  }

  @Test
  void serveHelpOffersTheGrpcPortWithAnExample() {
    assertThat(run("serve", "--help").out()).contains("--grpc-port=PORT").contains("--grpc-port 8001")
        .contains("/v2/models/breast_cancer/infer");
  }

  @Test
  void malformedCsvGivesOneLineNamingFileAndLineAndExitStatus2(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3\n");
    Run r = run("train", "--data", csv.toString(), "--label", "b", "--output", dir.resolve("m/1").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(csv + ":3").startsWith("prodline: ");
  }

  @Test
  void trainWritesALoadableBundle(@TempDir Path dir) {
    Path out = dir.resolve("cancer/3");
    Run r = run("train", "--data", "../examples/data/breast_cancer.csv", "--label", "diagnosis",
        "--output", out.toString(), "--rounds", "20");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(BundleReader.read(out).manifest().name()).isEqualTo("cancer");
    assertThat(BundleReader.read(out).manifest().version()).isEqualTo(3);
  }

  @Test
  void dataStatsWritesJsonWithTheDocumentedFields(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("stats.json");
    Run r = run("data", "stats", "--data", "../examples/data/seattle-weather.csv", "--output", json.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode stats = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Files.readString(json));
    assertThat(stats.get("num_examples").asLong()).isEqualTo(1461);
    assertThat(stats.get("features").size()).isEqualTo(6);
    assertThat(stats.toString()).contains("\"std_dev\"").contains("\"top_values\"");
  }

  @Test
  void unknownLabelExits2WithTheColumns(@TempDir Path dir) {
    Run r = run("train", "--data", "../examples/data/breast_cancer.csv", "--label", "nope",
        "--output", dir.resolve("x/1").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'nope' is not in the data");
  }
}
