package io.prodline.pipeline.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.frame.Frame;
import io.prodline.pipeline.model.ArtifactType;
import io.prodline.pipeline.model.Component;
import io.prodline.pipeline.model.Parameter;
import io.prodline.pipeline.model.ParameterType;
import io.prodline.pipeline.model.Port;
import io.prodline.pipeline.model.Signature;
import io.prodline.pipeline.model.StepConfig;
import io.prodline.pipeline.model.StepContext;
import io.prodline.pipeline.run.Publisher;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.protocol.InstancesJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Proves the candidate can be served before it is pushed: loads its bundle in a real {@link ModelServer} on an
 * ephemeral loopback port and replays eval rows over HTTP, one request per row, checking that every one is answered,
 * that the p99 latency of those requests is within {@code latency_budget_ms} and that the heap the loaded model
 * takes is within {@code memory_budget_mb}. The verdict (an InfraBlessing) is written either way; a model that breaks
 * a budget is "not blessed", with a sentence naming the measured value and the budget, rather than a failed step,
 * so the Pusher can say why it did not push.
 */
public final class InfraValidator implements Component {
  public static final String RESULT_FILE = "infra_blessing.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "InfraValidator";
  }

  @Override
  public int version() {
    return 2;
  }

  @Override
  public String description() {
    return "Serves the candidate on a loopback port, replays eval rows and checks the answers.";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.withDefault("rows", 10L, "How many eval rows to send, one request each."),
        Parameter.optional("latency_budget_ms", ParameterType.NUMBER,
            "The most the p99 latency of those requests may be, in milliseconds."),
        Parameter.optional("memory_budget_mb", ParameterType.NUMBER,
            "The most heap the loaded model may take (heap used after loading and serving, minus before), in MiB."));
  }

  @Override
  public Signature signature(StepConfig config, Set<String> connected) {
    return new Signature(
        List.of(Port.of("model", ArtifactType.MODEL), Port.of("examples", ArtifactType.EXAMPLES)),
        List.of(Port.of("infra_blessing", ArtifactType.INFRA_BLESSING)));
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path model = context.input("model").path();
    Bundle bundle = BundleReader.read(model);
    String name = bundle.manifest().name();
    Frame eval = ExamplesFolder.read(context.input("examples").path(), ExamplesFolder.EVAL);
    int n = (int) Math.min(context.config().integer("rows"), eval.rowCount());
    Frame sample = eval.take(IntStream.range(0, n).toArray());
    Path root = Files.createTempDirectory("prodline-infra-");
    ObjectNode verdict = JSON.createObjectNode();
    List<String> problems = new ArrayList<>();
    try {
      BundleFolders.copy(model, root.resolve(name).resolve("1"));
      long heapBefore = HeapUsage.afterGc();
      ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0);
      try {
        URI predict = URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/models/" + name + ":predict");
        HttpClient client = HttpClient.newHttpClient();
        long[] latencies = new long[n];
        for (int row = 0; row < n && problems.isEmpty(); row++) {
          String body = InstancesJson.of(sample.take(new int[] {row}), bundle.manifest().inputs());
          long started = System.nanoTime();
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(predict)
                  .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
          latencies[row] = System.nanoTime() - started;
          String problem = problem(response, 1);
          if (problem != null) {
            problems.add("row " + row + ": " + problem);
          }
        }
        double p99 = Percentile.nearestRank(latencies, 0.99) / 1e6;
        double heapMb = (HeapUsage.afterGc() - heapBefore) / (1024.0 * 1024.0);
        verdict.put("rows", n).put("p99_latency_ms", p99).put("model_heap_mb", heapMb);
        problems.addAll(ServingBudgets.broken(context.config(), n, p99, heapMb));
      } finally {
        server.stop();
      }
    } finally {
      Publisher.discard(root);
    }
    verdict.put("blessed", problems.isEmpty());
    if (!problems.isEmpty()) {
      verdict.put("reason", String.join("; ", problems));
    }
    Path out = Files.createDirectories(context.output("infra_blessing"));
    Files.writeString(out.resolve(RESULT_FILE), verdict.toPrettyString());
    context.log().println("infra validation: " + verdict);
  }

  /** Whether the InfraValidator at {@code folder} blessed its model. */
  public static boolean blessed(Path folder) throws java.io.IOException {
    return JSON.readTree(folder.resolve(RESULT_FILE).toFile()).path("blessed").asBoolean(false);
  }

  private static String problem(HttpResponse<String> response, int rows) throws java.io.IOException {
    if (response.statusCode() != 200) {
      return "the server answered " + response.statusCode() + ": " + response.body();
    }
    JsonNode predictions = JSON.readTree(response.body()).path("predictions");
    if (!predictions.isArray() || predictions.size() != rows) {
      return "expected " + rows + " predictions, got " + response.body();
    }
    return null;
  }
}
