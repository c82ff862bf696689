package io.prodline.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF Serving's monitoring config: the path it sets serves the scrape too; what it cannot be. */
class TfServingMonitoringConfigTest {
  @TempDir
  Path dir;

  private Optional<String> path(String text) throws Exception {
    return TfServingMonitoringConfig.path(Files.writeString(dir.resolve("monitoring.config"), text));
  }

  @Test
  void readsThePathOfAnEnabledPrometheusConfig() throws Exception {
    assertThat(path("prometheus_config {\n  enable: true,\n  path: \"/metrics/prometheus\"\n}\n"))
        .contains("/metrics/prometheus");
    assertThat(path("prometheus_config { enable: false path: \"/elsewhere\" }")).isEmpty();
    assertThat(path("prometheus_config { enable: true }")).isEmpty();
  }

  @Test
  void refusesPathsThatAreNotPathsOrAreAnotherEndpointsAndUnknownFields() {
    Path file = dir.resolve("monitoring.config");
    assertThatThrownBy(() -> path("prometheus_config { enable: true path: \"metrics\" }"))
        .isInstanceOf(ProdlineException.class)
        .hasMessage(file + ": prometheus_config.path must be a path such as /metrics/prometheus, got 'metrics'");
    assertThatThrownBy(() -> path("prometheus_config { enable: true path: \"/v1/models\" }"))
        .hasMessageStartingWith(file + ": prometheus_config.path /v1/models is another endpoint's");
    assertThatThrownBy(() -> path("prometheus_config { enable: true path: \"/healthz\" }"))
        .hasMessageStartingWith(file + ": prometheus_config.path /healthz is another endpoint's");
    assertThatThrownBy(() -> path("prometheus_config { enabled: true }"))
        .hasMessageStartingWith("cannot read TF Serving monitoring config " + file + ": 1:21: ");
  }

  @Test
  void theServerAnswersTheScrapeAtThePathToo(@TempDir Path root) throws Exception {
    TestRepository.create(root);
    ModelServer server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withMetricsPath(Optional.of("/metrics/prometheus"))).start(0);
    try {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      HttpTestClient.Answer extra = http.get("/metrics/prometheus");
      assertThat(extra.status()).isEqualTo(200);
      assertThat(extra.body()).contains("# TYPE prodline_inference_rows_total");
      assertThat(http.get("/metrics").status()).isEqualTo(200);
      assertThat(http.get(MetricsEndpoint.TF_SERVING_PATH).status()).isEqualTo(200);
    } finally {
      server.stop();
    }
  }
}
