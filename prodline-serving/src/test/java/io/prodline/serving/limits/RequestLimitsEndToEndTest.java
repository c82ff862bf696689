package io.prodline.serving.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows per request, NaN and the request timeout, as a client sees them. */
class RequestLimitsEndToEndTest {
  @TempDir
  Path root;

  @BeforeEach
  void createRepository() {
    TestRepository.create(root);
  }

  private ModelServer start(RequestLimits limits) {
    return new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withLimits(limits)).start(0);
  }

  @Test
  void tooManyRowsIs400WithASentence() {
    try (ModelServer server = start(new RequestLimits(2, Duration.ofSeconds(30), false))) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      assertThat(http.post("/v1/models/slow:predict", "{\"instances\": [[1], [2]]}").status()).isEqualTo(200);
      Answer answer = http.post("/v1/models/iris:predict", "{\"instances\": [[1, 1], [2, 2], [3, 3]]}");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.error()).isEqualTo("the request has more than 2 instances, the most this server accepts "
          + "in one request; split it into smaller requests");
    }
  }

  @Test
  void nanIs400UnlessAllowed() {
    String body = "{\"instances\": [{\"x\": NaN, \"y\": 1}]}";
    try (ModelServer server = start(RequestLimits.DEFAULT)) {
      Answer answer = new HttpTestClient(server.actualPort()).post("/v1/models/iris:predict", body);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.error()).isEqualTo("instance 0: feature 'x' is NaN, which this server does not accept; "
          + "send null for a missing value");
    }
    try (ModelServer server = start(new RequestLimits(100, Duration.ofSeconds(30), true))) {
      Answer answer = new HttpTestClient(server.actualPort()).post("/v1/models/iris:predict", body);
      assertThat(answer.status()).isEqualTo(200);
      // The test runtime counts a NaN input as 0.
      assertThat(answer.body()).isEqualTo("{\"predictions\":[[0.0,1.0,0.5]]}");
    }
  }

  @Test
  void overflowToInfinityIs400InEveryProtocolUnlessNaNIsAllowed() {
    String v1 = "{\"instances\": [[1e400, 1]]}";
    String v2 = "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1e400]}, "
        + "{\"name\": \"y\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [NaN]}]}";
    try (ModelServer server = start(RequestLimits.DEFAULT)) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      Answer predict = http.post("/v1/models/iris:predict", v1);
      assertThat(predict.status()).isEqualTo(400);
      assertThat(predict.error()).isEqualTo("instance 0: feature 'x' is 1e400 (beyond the float64 range, so "
          + "Infinity), which this server does not accept; send null for a missing value");
      Answer infer = http.post("/v2/models/iris/infer", v2);
      assertThat(infer.status()).isEqualTo(400);
      assertThat(infer.error()).isEqualTo("input 'x' element 0 is Infinity, which this server does not accept; "
          + "send a finite number");
    }
    try (ModelServer server = start(new RequestLimits(100, Duration.ofSeconds(30), true))) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      assertThat(http.post("/v1/models/iris:predict", v1).status()).isEqualTo(200);
      assertThat(http.post("/v2/models/iris/infer", v2).status()).isEqualTo(200);
    }
  }

  @Test
  void aRequestPastItsTimeoutIs504AndTheServerGoesOn() {
    // The slow model takes 300 ms, far beyond the 50 ms limit.
    try (ModelServer server = start(new RequestLimits(100, Duration.ofMillis(50), false))) {
      HttpTestClient http = new HttpTestClient(server.actualPort());
      Answer answer = http.post("/v1/models/slow:predict", "{\"instances\": [[1]]}");
      assertThat(answer.status()).isEqualTo(504);
      assertThat(answer.error()).startsWith("Deadline Exceeded: ");
      // The connection and the server stay usable (predictions here could race the tight limit, status cannot).
      assertThat(http.get("/v1/models/slow").status()).isEqualTo(200);
    }
  }
}
