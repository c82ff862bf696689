package io.prodline.serving.batching;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.repository.RepositoryOptions;
import io.prodline.serving.testing.Eventually;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's own batching in the model config file, on a server whose options batch nothing: that model's requests
 * go through a batcher with its settings, the others' run alone, and Triton's model configuration says which.
 */
class PerModelBatchingTest {
  @TempDir
  Path root;
  ModelServer server;

  @AfterEach
  void stop() {
    if (server != null) { // a failed start leaves none, and its error is the one to see
      server.stop();
    }
  }

  @Test
  void onlyTheModelThatAsksForBatchingIsBatched() throws Exception {
    TestRepository.create(root);
    Files.writeString(root.resolve("models.yaml"), "models:\n  houses:\n    version_policy: all\n"
        + "    batching: {max_delay_ms: 20, max_rows: 16}\n");
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0);
    HttpTestClient http = new HttpTestClient(server.actualPort());

    HttpTestClient.Answer houses = http.post("/v1/models/houses:predict",
        "{\"instances\": [{\"age\": 1, \"rooms\": 2, \"city\": \"a\"}]}");
    HttpTestClient.Answer iris = http.post("/v1/models/iris:predict", "{\"instances\": [{\"x\": 1, \"y\": 0}]}");
    assertThat(houses.status()).as(houses.body()).isEqualTo(200);
    assertThat(iris.status()).as(iris.body()).isEqualTo(200);

    String metrics = http.get("/metrics").body();
    assertThat(metrics).contains("prodline_batch_size_rows_count{model=\"houses\",version=\"2\"} 1\n")
        .doesNotContain("prodline_batch_size_rows_count{model=\"iris\"");
    assertThat(http.get("/v2/models/houses/config").json().get("dynamic_batching").toString())
        .isEqualTo("{\"max_queue_delay_microseconds\":20000}");
    assertThat(http.get("/v2/models/houses/config").json().get("max_batch_size").asInt()).isEqualTo(10_000);
    assertThat(http.get("/v2/models/iris/config").json().has("dynamic_batching")).isFalse();
  }

  /**
   * A version's batching is fixed at its first request, so after the file changes its reported configuration must
   * stay what it runs with, while a model that has not been asked yet reports the new setting.
   */
  @Test
  void aVersionReportsTheBatchingItRunsWithAfterTheFileChanges() throws Exception {
    TestRepository.create(root);
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withRepository(RepositoryOptions.oneShot().withPollInterval(Duration.ofMillis(50)))).start(0);
    HttpTestClient http = new HttpTestClient(server.actualPort());
    assertThat(http.post("/v1/models/iris:predict", "{\"instances\": [{\"x\": 1, \"y\": 0}]}").status())
        .isEqualTo(200);

    Files.writeString(root.resolve("models.yaml"), "models:\n  houses: {version_policy: all}\n"
        + "  iris: {batching: {max_delay_ms: 3}}\n  churn: {batching: {max_delay_ms: 3}}\n");
    Eventually.await("churn, never asked, reports the new batching",
        () -> http.get("/v2/models/churn/config").json().has("dynamic_batching"));
    assertThat(http.get("/v2/models/iris/config").json().has("dynamic_batching")).isFalse();
  }
}
