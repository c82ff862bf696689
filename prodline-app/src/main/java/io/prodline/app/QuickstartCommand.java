package io.prodline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.frame.Frame;
import io.prodline.core.text.ShortestDecimal;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.protocol.InstancesJson;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code prodline quickstart}: the whole path from a CSV file to a served model, checked end to end. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
        "Read a data set, train and evaluate a model, write its bundle, serve it, and check that the server "
            + "answers exactly what the model predicts in-process.",
        "",
        "Steps: read the CSV and summarise each column; split train/eval by hash; train XGBoost; print the",
        "held-out metrics; write the bundle to <home>/models/<name>/<next version>/; start the server; send",
        "eval rows to it over HTTP and print each served prediction beside the in-process one; then keep",
        "serving (print curl lines) until Ctrl-C, or with --once exit: 0 if every served prediction equals",
        "the in-process one (within 1e-6, the precision of a 32-bit float near 1), 1 otherwise."},
    footer = {
        "",
        "Examples:",
        "  prodline quickstart                      # breast-cancer data shipped in examples/data",
        "  prodline quickstart --once               # self-check only, for scripts",
        "  prodline quickstart --data examples/data/seattle-weather.csv --label weather --name weather"})
final class QuickstartCommand implements Callable<Integer> {
  /** Largest difference between a served and an in-process prediction still counted as equal. */
  static final double TOLERANCE = 1e-6;

  @Option(names = "--data", defaultValue = "examples/data/breast_cancer.csv", paramLabel = "FILE",
      description = "CSV file to learn from (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--label", defaultValue = "diagnosis", paramLabel = "COLUMN",
      description = "Column to predict (default: ${DEFAULT-VALUE}).")
  String label;

  @Option(names = "--name", defaultValue = "breast_cancer", description = "Model name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(names = "--home", paramLabel = "DIR",
      description = "prodline's home directory (default: $PRODLINE_HOME, else ./.prodline).")
  Path home;

  @Option(names = "--rest-port", paramLabel = "PORT",
      description = "Port to serve on (default: 8501; with --once a free port is picked).")
  Integer restPort;

  @Option(names = "--rows", defaultValue = "5", description = "Eval rows to send to the server (default: ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--once", description = "Exit after the self-check instead of serving until Ctrl-C.")
  boolean once;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    out.println("== 1. Data");
    Frame frame = DataFiles.read(data);
    String sha256 = ContentFingerprint.sha256(data);
    out.printf(Locale.ROOT, "Read %d rows x %d columns from %s (sha256 %s)%n", frame.rowCount(), frame.columnCount(),
        data, sha256.substring(0, 12));
    DataSummary.print(frame, out);

    out.println();
    out.println("== 2. Train and evaluate");
    TrainingResult result = TrainingJob.run(frame, new TrainingResult.DataSource(data.toString(), sha256),
        TrainingSpec.defaults(name, label));
    TrainingPrinter.print(result, out);

    out.println();
    out.println("== 3. Bundle");
    Path modelRoot = Home.resolve(home).resolve("models");
    long version = nextVersion(modelRoot.resolve(name));
    Bundle bundle = result.writeBundle(modelRoot.resolve(name).resolve(Long.toString(version)), version);
    out.println("Wrote " + bundle.directory() + " (bundle.yaml, model.json, transform.json)");

    out.println();
    out.println("== 4. Serve and check");
    int port = restPort != null ? restPort : (once ? 0 : 8501);
    ModelServer server = new ModelServer(ServerConfig.defaults(modelRoot).withBindAddress("127.0.0.1")).start(port);
    boolean allEqual;
    try {
      String base = "http://127.0.0.1:" + server.actualPort();
      out.println("Serving " + server.modelNames() + " on " + base);
      allEqual = selfCheck(result, base);
      if (once) {
        return allEqual ? 0 : 1;
      }
      printCurlLines(result, base);
    } finally {
      if (once) {
        server.stop();
      }
    }
    ServeCommand.awaitShutdown(server);
    return allEqual ? 0 : 1;
  }

  /** Sends eval rows to the server and prints each served prediction beside the in-process one. */
  private boolean selfCheck(TrainingResult result, String base) throws IOException, InterruptedException {
    int n = Math.min(rows, result.evalRows().rowCount());
    Frame sample = result.evalRows().take(IntStream.range(0, n).toArray());
    String body = InstancesJson.of(sample, result.inputs());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base + "/v1/models/" + name + ":predict"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      out.println("The server answered " + response.statusCode() + ": " + response.body());
      return false;
    }
    JsonNode predictions = new ObjectMapper().readTree(response.body()).get("predictions");
    int width = result.outputWidth();
    out.printf(Locale.ROOT, "%-4s %-14s %-32s %-32s %s%n", "row", "label", "in-process (XGBoost)", "served (HTTP)",
        "equal");
    boolean allEqual = true;
    for (int row = 0; row < n; row++) {
      float[] local = new float[width];
      float[] served = new float[width];
      JsonNode p = predictions.get(row);
      for (int k = 0; k < width; k++) {
        local[k] = result.evalPredictions()[row * width + k];
        served[k] = (float) (width == 1 ? p.asDouble() : p.get(k).asDouble());
      }
      boolean equal = IntStream.range(0, width).allMatch(k -> Math.abs(local[k] - served[k]) <= TOLERANCE);
      allEqual &= equal;
      out.printf(Locale.ROOT, "%-4d %-14s %-32s %-32s %s%n", row, sample.column(label).get(row), format(local),
          format(served), equal ? "yes" : "NO");
    }
    out.println(allEqual
        ? "Every served prediction equals the in-process prediction."
        : "MISMATCH: the server and the in-process model disagree.");
    return allEqual;
  }

  private void printCurlLines(TrainingResult result, String base) {
    Frame one = result.evalRows().take(new int[] {0});
    out.println();
    out.println("Try it (Ctrl-C stops the server):");
    out.println("  curl -s " + base + "/v1/models/" + name);
    out.println("  curl -s " + base + "/v1/models/" + name + "/metadata");
    out.println("  curl -s -X POST " + base + "/v1/models/" + name + ":predict -d "
        + forShell(InstancesJson.of(one, result.inputs())));
    out.println("  curl -s " + base + "/v2/models/" + name + "/stats");
    out.println("Live dashboard of the served model: " + base + "/dashboard");
  }

  /** The request as one argument fit for a shell, quoted for curl's {@code -d '...'}. */
  private static String forShell(String json) {
    return "'" + json.replace("'", "'\\''") + "'";
  }

  private static String format(float[] values) {
    if (values.length == 1) {
      return ShortestDecimal.of(values[0]);
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", values[i]));
    }
    return sb.append(']').toString();
  }

  /** One more than the highest numeric version directory, or 1. */
  static long nextVersion(Path modelDir) throws IOException {
    if (!Files.isDirectory(modelDir)) {
      return 1;
    }
    try (Stream<Path> versions = Files.list(modelDir)) {
      return versions.map(p -> p.getFileName().toString()).filter(s -> s.matches("[1-9][0-9]{0,17}"))
          .mapToLong(Long::parseLong).max().orElse(0) + 1;
    }
  }
}
