package io.prodline.serving.predictionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predictions served by a real server end up in the JSON lines files with everything monitoring needs. */
class PredictionLogEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;
  @TempDir
  Path logs;

  @Test
  void logsEachPredictionWithItsRequestIdInputsOutputsAndLatency() throws IOException {
    TestRepository.create(root);
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withPredictionLog(PredictionLogConfig.into(logs));
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      Answer named = http.send(HttpRequest.newBuilder(URI.create(http.uri("/v1/models/houses:predict")))
          .header("X-Request-Id", "req-42")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"instances\": [{\"age\": 1.5, \"rooms\": 3, \"city\": \"b\"}, [null, 1, \"zzz\"]]}")));
      assertThat(named.status()).isEqualTo(200);
      assertThat(named.header("x-request-id")).isEqualTo("req-42");

      Answer anonymous = http.post("/v1/models/iris/versions/1:predict", "{\"instances\": [[0.25, 0.75]]}");
      assertThat(anonymous.status()).isEqualTo(200);
      String madeUp = anonymous.header("x-request-id");
      assertThat(madeUp).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

      // A refused request is not a prediction and is not logged.
      assertThat(http.post("/v1/models/houses:predict", "{\"instances\": []}").status()).isEqualTo(400);
    }
    // Stopping the server writes out the log.
    List<JsonNode> records = readAll();
    assertThat(records).hasSize(2);
    JsonNode houses = records.stream().filter(r -> r.get("model").asText().equals("houses")).findFirst().orElseThrow();
    assertThat(houses.get("format").asText()).isEqualTo("prodline.prediction/1");
    assertThat(houses.get("request_id").asText()).isEqualTo("req-42");
    assertThat(houses.get("version").asLong()).isEqualTo(2);
    assertThat(houses.get("rows").asInt()).isEqualTo(2);
    assertThat(houses.get("latency_ms").asDouble()).isPositive();
    assertThat(houses.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(houses.get("inputs").toString())
        .isEqualTo("{\"age\":[1.5,null],\"rooms\":[3,1],\"city\":[\"b\",\"zzz\"]}");
    assertThat(houses.get("outputs").toString()).isEqualTo("[263.0,20.0]");

    JsonNode iris = records.stream().filter(r -> r.get("model").asText().equals("iris")).findFirst().orElseThrow();
    assertThat(iris.get("request_id").asText()).isNotBlank();
    assertThat(iris.get("outputs").toString()).isEqualTo("[[0.25,0.75,0.5]]");
  }

  @Test
  void aModelSampledAtZeroIsNotLoggedAndItsRequestsAreCounted() throws IOException {
    TestRepository.create(root);
    Files.writeString(root.resolve("models.yaml"),
        "models:\n  houses: {version_policy: all, prediction_log: {sampling_rate: 0}}\n");
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withPredictionLog(PredictionLogConfig.into(logs));
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      for (int i = 0; i < 3; i++) {
        assertThat(http.post("/v1/models/houses:predict", "{\"instances\": [[1.5, 3, \"b\"]]}").status())
            .isEqualTo(200);
      }
      assertThat(http.post("/v1/models/iris:predict", "{\"instances\": [[0.25, 0.75]]}").status()).isEqualTo(200);
      assertThat(http.get("/metrics").body()).contains("prodline_prediction_log_sampled_out_total 3.0");
    }
    assertThat(readAll()).extracting(r -> r.get("model").asText()).containsExactly("iris");
  }

  @Test
  void anOpenInferenceRequestGoesByTheIdInItsBodyElseByItsHeaderAndItsAnswerSaysWhich() throws IOException {
    TestRepository.create(root);
    ServerConfig config = ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withPredictionLog(PredictionLogConfig.into(logs));
    String tensors = "\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.25]}, "
        + "{\"name\": \"y\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [0.75]}]}";
    String madeUp;
    try (ModelServer server = new ModelServer(config).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      Answer both = http.send(HttpRequest.newBuilder(URI.create(http.uri("/v2/models/iris/infer")))
          .header("X-Request-Id", "from-header")
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"from-body\", " + tensors)));
      assertThat(both.status()).isEqualTo(200);
      assertThat(both.json().get("id").asText()).isEqualTo("from-body");
      assertThat(both.header("x-request-id")).isEqualTo("from-body");

      Answer header = http.send(HttpRequest.newBuilder(URI.create(http.uri("/v2/models/iris/infer")))
          .header("X-Request-Id", "only-header")
          .POST(HttpRequest.BodyPublishers.ofString("{" + tensors)));
      assertThat(header.status()).isEqualTo(200);
      assertThat(header.header("x-request-id")).isEqualTo("only-header");

      Answer anonymous = http.post("/v2/models/iris/infer", "{" + tensors);
      assertThat(anonymous.status()).isEqualTo(200);
      madeUp = anonymous.header("x-request-id");
      assertThat(madeUp).isNotBlank();
    }
    assertThat(readAll().stream().map(r -> r.get("request_id").asText()))
        .containsExactlyInAnyOrder("from-body", "only-header", madeUp);
  }

  private List<JsonNode> readAll() throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.sorted().toList()) {
        assertThat(file.getFileName().toString()).matches("predictions-\\d{4}-\\d\\d-\\d\\d-0\\.jsonl");
        for (String line : Files.readAllLines(file)) {
          try {
            records.add(JSON.readTree(line));
          } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
          }
        }
      }
    }
    return records;
  }
}
