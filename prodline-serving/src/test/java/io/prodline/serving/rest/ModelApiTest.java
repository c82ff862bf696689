package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.prodline.serving.inference.Inference;
import io.prodline.serving.limits.Deadlines;
import io.prodline.serving.limits.RequestLimits;
import io.prodline.serving.metrics.ServingMetrics;
import io.prodline.serving.repository.ModelRepository;
import io.prodline.serving.testing.FullBatchingQueue;
import io.prodline.serving.testing.TestRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API without sockets: routing and error mapping that a running server cannot easily provoke. */
class ModelApiTest {
  @TempDir
  Path root;

  @Test
  void aFullWorkerQueueIs503WithARetryHint() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, task -> {
        throw new RejectedExecutionException("full");
      });
      // Refused before the body is decoded, so one body does for both protocols.
      byte[] body = "{\"instances\": [[1]]}".getBytes(StandardCharsets.UTF_8);
      for (String path : List.of("/v1/models/slow:predict", "/v2/models/slow/infer")) {
        ApiResponse answer = api.handle(HttpMethod.POST, path, body).join();
        assertThat(answer.status()).as(path).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.headers()).as(path).containsEntry("retry-after", "1");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).as(path).contains("retry later");
      }
    }
  }

  /** Inflating a body takes milliseconds for a large one: it happens in the worker's task, not in the caller's. */
  @Test
  void aCompressedBodyIsDecompressedByTheWorkerNotTheCaller() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      List<Runnable> queued = new ArrayList<>();
      ModelApi api = new ModelApi(repository, queued::add);
      byte[] notGzip = "{\"instances\": [[1]]}".getBytes(StandardCharsets.UTF_8);
      for (String path : List.of("/v1/models/slow:predict", "/v2/models/slow/infer")) {
        CompletableFuture<ApiResponse> answer = api.handle(HttpMethod.POST, path, EmptyHttpHeaders.INSTANCE,
            RequestBody.encoded(notGzip, "gzip", 1 << 20), ClientConnection.none());
        assertThat(answer).as(path).isNotDone();
        queued.remove(0).run();
        assertThat(answer.join().status()).as(path).isEqualTo(HttpResponseStatus.BAD_REQUEST);
        assertThat(new String(answer.join().body(), StandardCharsets.UTF_8)).as(path)
            .contains("the body is not valid gzip data");
      }
    }
  }

  @Test
  void aBodyNotInUtf8Is400NamingTheEncodingToSendOnEveryEndpoint() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, Runnable::run);
      byte[] utf16 = "{\"instances\": [[1, 2]]}".getBytes(StandardCharsets.UTF_16BE);
      byte[] withBom = "{\"examples\": [{\"x\": 1}]}".getBytes(StandardCharsets.UTF_16); // big-endian, with a BOM
      for (String endpoint : List.of(":predict", ":classify", ":regress")) {
        for (byte[] body : List.of(utf16, withBom)) {
          ApiResponse answer = api.handle(HttpMethod.POST, "/v1/models/iris" + endpoint, body).join();
          assertThat(answer.status()).as(endpoint).isEqualTo(HttpResponseStatus.BAD_REQUEST);
          assertThat(new String(answer.body(), StandardCharsets.UTF_8)).as(endpoint).isEqualTo("{\"error\":"
              + "\"the JSON is encoded as UTF-16 or UTF-32 (it starts with a byte-order mark or a zero byte); send "
              + "it encoded as UTF-8\"}");
        }
      }
    }
  }

  @Test
  void aBodyOfIllFormedUtf8Is400NamingTheByte() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, Runnable::run);
      byte[] start = "{\"instances\": [{\"x".getBytes(StandardCharsets.US_ASCII);
      // An overlong "/", a code point above U+10FFFF, an encoded surrogate, a lone continuation byte, a cut sequence.
      for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF5, (byte) 0x80,
          (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80},
          new byte[] {(byte) 0xC3})) {
        byte[] body = new byte[start.length + bad.length + 12];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        System.arraycopy("\": 1, \"y\": 2}]}".getBytes(StandardCharsets.US_ASCII), 0, body, start.length + bad.length,
            12);
        ApiResponse answer = api.handle(HttpMethod.POST, "/v1/models/iris:predict", body).join();
        assertThat(answer.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"the JSON is not "
            + "well-formed UTF-8: byte " + start.length + String.format(" (0x%02X)", bad[0] & 0xFF) + " starts no "
            + "well-formed UTF-8 sequence; send it encoded as UTF-8\"}");
      }
      byte[] zurich = "{\"instances\": [{\"x\": 1, \"y\": 2, \"z\u00fcrich\": 3}]}".getBytes(StandardCharsets.UTF_8);
      assertThat(new String(api.handle(HttpMethod.POST, "/v1/models/iris:predict", zurich).join().body(),
          StandardCharsets.UTF_8)).as("well-formed UTF-8 reaches the decoder")
          .contains("unknown feature 'z\u00fcrich'");
    }
  }

  @Test
  void ignoresTheQueryStringWhenRouting() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root))) {
      ModelApi api = new ModelApi(repository, Runnable::run);
      ApiResponse answer = api.handle(HttpMethod.GET, "/v1/models/iris?verbose=1", new byte[0]).join();
      assertThat(answer.status()).isEqualTo(HttpResponseStatus.OK);
    }
  }

  @Test
  void aFullBatchingQueueIs429WithARetryHint() {
    ApiResponse refused = refusedByAFullBatchingQueue("/v1/models/gated:predict", "{\"instances\": [[1]]}");
    assertThat(refused.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
    assertThat(refused.headers()).containsEntry("retry-after", "1");
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"the batching queue "
        + "of model 'gated' version 1 is full (limit: 1 waiting requests); retry later\"}");
  }

  @Test
  void aFullBatchingQueueIs429OnTheOpenInferenceProtocolToo() {
    ApiResponse refused = refusedByAFullBatchingQueue("/v2/models/gated/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}");
    assertThat(refused.status()).isEqualTo(HttpResponseStatus.TOO_MANY_REQUESTS);
    assertThat(refused.headers()).containsEntry("retry-after", "1");
  }

  /** The answer to a request refused by {@link FullBatchingQueue}; the two before it must be answered. */
  private ApiResponse refusedByAFullBatchingQueue(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (FullBatchingQueue full = new FullBatchingQueue(root)) {
      ModelApi api = new ModelApi(full.runner(), full.v2(), List.of());
      FullBatchingQueue.Sent<ApiResponse> sent = full.sendUntilRefused(() -> api.handle(HttpMethod.POST, path, body));
      assertThat(sent.answered()).allSatisfy(a -> assertThat(a.join().status()).isEqualTo(HttpResponseStatus.OK));
      return sent.refused().join();
    }
  }

  @Test
  void aRequestPastItsTimeoutIs504WithTheDeadlineMessage() {
    try (ModelRepository repository = ModelRepository.scan(TestRepository.create(root));
        Deadlines deadlines = new Deadlines(); ServingMetrics metrics = new ServingMetrics()) {
      // The slow model takes 300 ms; the limit is far below that.
      ModelApi api = new ModelApi(repository, Runnable::run, Inference.alone(),
          new RequestLimits(100, Duration.ofMillis(20), false), deadlines, metrics, List.of());
      ApiResponse answer = api.handle(HttpMethod.POST, "/v1/models/slow:predict",
          "{\"instances\": [[1]]}".getBytes(StandardCharsets.UTF_8)).join();
      assertThat(answer.status()).isEqualTo(HttpResponseStatus.GATEWAY_TIMEOUT);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8))
          .startsWith("{\"error\":\"Deadline Exceeded: the request took longer than the server's limit of 20 ms");
    }
  }
}
