package io.prodline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  record Run(int exitCode, String out, String err) {}

  /** Runs a command line as {@code prodline} does. */
  static Run run(String... args) {
    CommandLine cli = Main.newCommandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everyCommandsHelpTeachesWithAnExample() {
    for (String command : new String[] {"quickstart", "train", "serve", "evaluate", "tune", "runs", "data",
        "data stats", "data schema", "data validate", "data compare", "data generate", "predict"}) {
      Run r = run((command + " --help").split(" "));
      assertThat(r.exitCode()).as(command).isZero();
      assertThat(r.out()).as(command).contains("Example").contains("prodline " + command);
    }
    assertThat(run("--help").out()).contains("quickstart").contains("train").contains("serve");
  }

  @Test
  void aCommandLineNamingOneCommandGetsItExactlyAsTheWholeTreeHasIt() {
    CommandLine whole = Main.newCommandLine();
    for (String name : whole.getSubcommands().keySet()) {
      CommandLine named = Main.newCommandLine(new String[] {name, "--help"});
      assertThat(named.getSubcommands().get(name).getUsageMessage()).as(name)
          .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
    }
    // Help, and a name that is no command, still see every command.
    assertThat(run("help", "predict").out()).contains("--batch-rows");
    assertThat(run("predikt").err()).contains("Did you mean: prodline predict");
  }

  /**
   * picocli renders every help text as a format string; one that does not format (a lone percent sign) is printed
   * raw, its line breaks lost, after a warning on stderr at every --help.
   */
  @Test
  void everyHelpFormatsWithoutAWarning() {
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
    try {
      helpOfEveryCommand(Main.newCommandLine());
    } finally {
      System.setErr(stderr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  /**
   * A parent command lists each sub-command by the first line of its description, so that line must be a whole
   * sentence: split in the middle, the list showed "... and check that the server" and stopped there.
   */
  @Test
  void everyCommandIsListedByAWholeSentence() {
    List<String> cut = new ArrayList<>();
    summariesEndingMidSentence(Main.newCommandLine(), cut);
    assertThat(cut).isEmpty();
  }

  private static void summariesEndingMidSentence(CommandLine cli, List<String> cut) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      String[] description = sub.getCommandSpec().usageMessage().description();
      String summary = description.length == 0 ? "" : description[0].strip();
      if (!summary.endsWith(".")) {
        cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
      }
      summariesEndingMidSentence(sub, cut);
    }
  }

  private static void helpOfEveryCommand(CommandLine cli) {
    assertThat(cli.getUsageMessage()).isNotBlank();
    cli.getSubcommands().values().forEach(CommandLineTest::helpOfEveryCommand);
  }

  @Test
  void predictOffersOnlyOptionsThatTakeEffect() {
    String help = run("predict", "--help").out();
    assertThat(help).contains("--types", "--skip-bad-records", "--threads", "--batch-rows");
    assertThat(help).doesNotContain("--kll-k", "--categorical");
    assertThat(run("data", "stats", "--help").out()).contains("--kll-k", "--categorical", "(0.27%");
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
  void aUsageErrorIsOneLineAndWhereToReadMoreNotTheWholeHelp() {
    Run bad = run("serve", "--worker-threads", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err().lines()).containsExactly("prodline: --worker-threads must be 1 or more, got 0",
        "See 'prodline serve --help'.");
    Run misspelt = run("serve", "--transpor", "nio");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("Unknown options: '--transpor', 'nio'", "--transport")
        .doesNotContain("Usage:");
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
        "--output", out.toString(), "--rounds", "20", "--home", dir.resolve("home").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(BundleReader.read(out).manifest().name()).isEqualTo("cancer");
    assertThat(BundleReader.read(out).manifest().version()).isEqualTo(3);
  }

  /** prodline-train's dependency-free external trainer: one leaf, the train rows' positive rate. */
  static final String CONSTANT_MODEL_SCRIPT = "../prodline-train/src/test/resources/external/constant_model.py";

  @Test
  void trainWithACommandAfterTheDoubleDashBundlesAndRecordsItLikeXGBoost(@TempDir Path dir) {
    train(dir, "cancer/1", "--trainer-param", "epochs=3", "--trainer-timeout", "2m", "--", "python3",
        CONSTANT_MODEL_SCRIPT);
    BundleManifest manifest = BundleReader.read(dir.resolve("cancer/1")).manifest();
    assertThat(manifest.runtime()).isEqualTo("xgboost");
    assertThat(manifest.metrics()).containsKeys("roc_auc", "log_loss");
    assertThat(manifest.source().trainer()).isEqualTo("external");
    assertThat(manifest.source().parameters()).containsEntry("command", "python3 " + CONSTANT_MODEL_SCRIPT)
        .containsEntry("epochs", "3");
    assertThat(manifest.source().transformSpecSha256()).matches("[0-9a-f]{64}");
    assertThat(run("runs", "list", "--home", dir.resolve("home").toString()).out()).contains(" external ");
  }

  @Test
  void trainerOptionsAndXGBoostOptionsDoNotMix(@TempDir Path dir) {
    Run xgboostOption = run(trainArgs(dir, "m/1", "--rounds", "5", "--", "python3", CONSTANT_MODEL_SCRIPT));
    assertThat(xgboostOption.exitCode()).isEqualTo(2);
    assertThat(xgboostOption.err()).contains("--rounds sets XGBoost, which the trainer command")
        .contains("--trainer-param KEY=VALUE");
    Run noCommand = run(trainArgs(dir, "m/1", "--trainer-param", "epochs=3"));
    assertThat(noCommand.exitCode()).isEqualTo(2);
    assertThat(noCommand.err()).contains("--trainer-param is for a trainer command; write the command after '--'");
    assertThat(run(trainArgs(dir, "m/1", "--trainer-timeout", "10min", "--", "python3", CONSTANT_MODEL_SCRIPT)).err())
        .contains("--trainer-timeout '10min' is not a duration");
    assertThat(run(trainArgs(dir, "m/1", "--trainer-param", "epochs", "--", "python3", CONSTANT_MODEL_SCRIPT)).err())
        .contains("--trainer-param 'epochs' is not key=value");
    assertThat(dir.resolve("m/1")).doesNotExist();
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

  private static final String CANCER = "../examples/data/breast_cancer.csv";

  private static Run train(Path dir, String out, String... extra) {
    Run r = run(trainArgs(dir, out, extra));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  private static String[] trainArgs(Path dir, String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", CANCER, "--label", "diagnosis",
        "--output", dir.resolve(out).toString(), "--home", dir.resolve("home").toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void everyTrainingRunIsRecordedAndRunsCompareSideBySide(@TempDir Path dir) {
    train(dir, "m/1", "--rounds", "10");
    train(dir, "m/2", "--rounds", "30", "--early-stopping-rounds", "5", "--stratify", "--split-seed", "42");
    String home = dir.resolve("home").toString();

    Run list = run("runs", "list", "--home", home);
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out().lines().filter(l -> l.contains(" train "))).hasSize(2);
    assertThat(list.out()).contains("roc_auc 0.9");

    Run show = run("runs", "show", "1", "--home", home);
    assertThat(show.out()).contains("param rounds").contains("metric roc_auc").contains("data sha256")
        .contains(dir.resolve("m/1").toAbsolutePath().toString()).contains("git commit");

    Run compare = run("runs", "compare", "1", "2", "--home", home);
    assertThat(compare.out().lines().filter(l -> l.startsWith("* param rounds"))).singleElement()
        .satisfies(l -> assertThat(l).contains("10").contains("30"));
    assertThat(compare.out().lines().filter(l -> l.startsWith("  param max_depth"))).hasSize(1);
    assertThat(compare.out()).contains("rounds (best)");

    assertThat(run("runs", "list", "--home", home, "--experiment", "other").out()).contains("no runs");
    assertThat(run("runs", "show", "99", "--home", home).err()).contains("no training run 99");
  }

  @Test
  void evaluatePrintsASummaryWritesJsonAndFailsWhenNotBlessed(@TempDir Path dir) throws Exception {
    train(dir, "m/1", "--rounds", "5");
    train(dir, "m/2", "--rounds", "40");
    Path json = dir.resolve("metrics.json");
    Run ok = run("evaluate", "--model", dir.resolve("m/2").toString(), "--data", CANCER, "--baseline",
        dir.resolve("m/1").toString(), "--threshold", "roc_auc>=0.9", "--threshold", "log_loss~0.05",
        "--output", json.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Evaluated a binary_classification model on 569 rows").contains("baseline")
        .contains("BLESSED");
    assertThat(Files.readString(json)).contains("\"candidate\"").contains("\"baseline\"").contains("\"blessed\" : true");

    Run notBlessed = run("evaluate", "--model", dir.resolve("m/1").toString(), "--data", CANCER,
        "--threshold", "accuracy>=0.999", "--output", json.toString());
    assertThat(notBlessed.exitCode()).isEqualTo(1);
    assertThat(notBlessed.out()).contains("NOT BLESSED").contains("FAIL");

    Run bad = run("evaluate", "--model", dir.resolve("m/1").toString(), "--data", CANCER,
        "--threshold", "auc=1", "--output", json.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("'auc=1' is not metric>=value");
  }

  @Test
  void tuneRecordsEveryTrialAndBundlesTheExplainedBest(@TempDir Path dir) throws Exception {
    Path space = Files.writeString(dir.resolve("space.yaml"), """
        fixed: {rounds: 10}
        params:
          max_depth: {int: [2, 5]}
          eta: {float: [0.05, 0.5], log: true}
        """);
    Path out = dir.resolve("models/cancer/1");
    Run r = run("tune", "--data", CANCER, "--label", "diagnosis", "--space", space.toString(), "--trials", "3",
        "--parallel", "2", "--output", out.toString(), "--home", dir.resolve("home").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Chose trial").contains("Runner-up").contains("Wrote bundle");
    assertThat(BundleReader.read(out).manifest().name()).isEqualTo("cancer");
    Run list = run("runs", "list", "--home", dir.resolve("home").toString());
    assertThat(list.out().lines().filter(l -> l.contains(" trial "))).hasSize(3);
    assertThat(list.out().lines().filter(l -> l.contains(" tuned "))).hasSize(1);
  }
}
