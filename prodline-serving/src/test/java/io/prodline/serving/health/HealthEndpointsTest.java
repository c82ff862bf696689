package io.prodline.serving.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kubernetes probes on a real server. */
class HealthEndpointsTest {
  @TempDir
  Path root;

  @Test
  void liveAndReadyWhenEveryModelHasAnAvailableVersion() {
    // houses' newest version is broken, but version 2 serves, so the model is ready.
    try (ModelServer server = start(TestRepository.create(root))) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      Answer live = http.get("/healthz");
      assertThat(live.status()).isEqualTo(200);
      assertThat(live.body()).isEqualTo("{\"status\":\"alive\"}");
      Answer ready = http.get("/readyz");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    }
  }

  @Test
  void notReadyWhileAModelHasNoVersionThatCanServeButStillLive() {
    TestBundles.write(root, "fine", 1, Task.REGRESSION, List.of(),
        List.of(TestBundles.field("x", ColumnType.FLOAT64)), "1");
    TestBundles.writeGarbage(root, "broken", 1);
    try (ModelServer server = start(root)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      assertThat(http.get("/healthz").status()).isEqualTo(200);
      Answer ready = http.get("/readyz");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.error()).startsWith("not ready: model 'broken' has no available version");
    }
  }

  @Test
  void withoutStrictReadinessABrokenModelLeavesTheServerReadyAndItsRequestsFail() {
    TestBundles.write(root, "fine", 1, Task.REGRESSION, List.of(),
        List.of(TestBundles.field("x", ColumnType.FLOAT64)), "1");
    TestBundles.writeGarbage(root, "broken", 1);
    try (ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withStrictReadiness(false)).start(0)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      assertThat(http.get("/readyz").status()).isEqualTo(200);
      assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);
      assertThat(http.post("/v1/models/fine:predict", "{\"instances\": [{\"x\": 2}]}").status()).isEqualTo(200);
      assertThat(http.get("/v2/models/broken/ready").status()).isNotEqualTo(200);
    }
  }

  @Test
  void probesAcceptOnlyGet() {
    try (ModelServer server = start(TestRepository.create(root))) {
      Answer answer = new HttpTestClient(server.actualPort()).post("/healthz", "");
      assertThat(answer.status()).isEqualTo(405);
      assertThat(answer.allow()).isEqualTo("GET");
    }
  }

  private static ModelServer start(Path repository) {
    return new ModelServer(ServerConfig.defaults(repository).withBindAddress("127.0.0.1")).start(0);
  }
}
