package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection handling and the server's life cycle: ordering on one connection, closing, draining, binding. */
class ModelServerLifecycleTest {
  @TempDir
  Path root;
  ModelServer server;

  @BeforeEach
  void start() {
    TestRepository.create(root);
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")).start(0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void answersPipelinedRequestsInOrderOnOneConnectionAndHonoursConnectionClose() throws IOException {
    String slowBody = "{\"instances\": [[7]]}";
    String requests = "POST /v1/models/slow:predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + slowBody.length() + "\r\n\r\n" + slowBody
        + "GET /v1/models/slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requests.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // The slow prediction (300 ms) is answered first although the status request needed no work at all,
      // and the connection is closed after the second answer (readAllBytes returned).
      int prediction = all.indexOf("{\"predictions\":[7.0]}");
      int status = all.indexOf("{\"model_version_status\":");
      assertThat(prediction).isPositive();
      assertThat(status).isGreaterThan(prediction);
      assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(3);
    }
  }

  @Test
  void malformedHttpIsAnswered400AndClosed() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("GET /v1/models/slow HTTP/1.1\r\nContent-Length: nope\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String answer = readAll(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").contains("{\"error\":\"malformed HTTP request");
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void stopLetsPredictionsInFlightFinishThenRefusesConnections() throws Exception {
    int port = server.actualPort();
    HttpTestClient http = new HttpTestClient(port);
    CompletableFuture<Answer> inFlight =
        CompletableFuture.supplyAsync(() -> http.post("/v1/models/slow:predict", "{\"instances\": [[5]]}"));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (LinearTestRuntimeProvider.RUNNING.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    server.stop();
    Answer answer = inFlight.get();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"predictions\":[5.0]}");
    // The same client: its kept-alive connection must have been closed too, not left hanging.
    assertThatThrownBy(() -> http.get("/v1/models/slow")).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void atTheDrainTimeoutRequestsThatNeverStartedAreAnswered503NotCutOff() throws Exception {
    // One worker, 300 ms a prediction, 8 requests on 8 connections: the drain timeout of 1 s leaves some waiting.
    ModelServer busy = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1").withWorkers(1, 100)
        .withShutdown(new ShutdownOptions(Duration.ZERO, Duration.ofSeconds(1)))).start(0);
    List<CompletableFuture<Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      HttpTestClient http = new HttpTestClient(busy.actualPort());
      answers.add(CompletableFuture.supplyAsync(() -> http.post("/v1/models/slow:predict", "{\"instances\": [[5]]}")));
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (LinearTestRuntimeProvider.RUNNING.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(100); // the other requests reach the worker queue
    busy.stop();
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Answer> answer : answers) {
      statuses.add(answer.handle((a, e) -> e == null ? a.status() : -1).get(20, TimeUnit.SECONDS));
    }
    assertThat(statuses).as("answered 200 within the drain, 503 after it; the one running then may be cut off")
        .isSubsetOf(200, 503, -1).contains(200, 503);
    assertThat(statuses.stream().filter(s -> s == -1).count()).isLessThanOrEqualTo(1);
  }

  @Test
  void duringTheShutdownDelayReadinessIs503AndRequestsAreStillAnswered() throws Exception {
    ModelServer delayed = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1")
        .withShutdown(new ShutdownOptions(Duration.ofSeconds(2), Duration.ofSeconds(5)))).start(0);
    HttpTestClient http = new HttpTestClient(delayed.actualPort());
    assertThat(http.get("/readyz").status()).isEqualTo(200);

    CompletableFuture<Void> stop = CompletableFuture.runAsync(delayed::stop);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (http.get("/readyz").status() == 200 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    assertThat(http.get("/readyz").status()).isEqualTo(503);
    assertThat(stop).isNotDone();
    Answer answer = http.post("/v1/models/houses:predict", "{\"instances\": [{\"age\": 1.5, \"rooms\": 3, "
        + "\"city\": \"b\"}]}");
    assertThat(answer.status()).isEqualTo(200);
    stop.get(20, TimeUnit.SECONDS);
    assertThatThrownBy(() -> http.get("/readyz")).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void aTakenPortIsAClearError() {
    ModelServer second = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1"));
    assertThatThrownBy(() -> second.start(server.actualPort())).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.actualPort());
  }

  @Test
  void aMissingRepositoryIsAClearError() {
    ModelServer missing = new ModelServer(ServerConfig.defaults(root.resolve("nope")));
    assertThatThrownBy(() -> missing.start(0)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining("is not a directory");
  }
}
