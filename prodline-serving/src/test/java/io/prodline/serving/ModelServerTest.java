package io.prodline.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestBundles;
import io.prodline.serving.testing.TestRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API end to end, over real sockets on an ephemeral loopback port. See {@link TestRepository}. */
class ModelServerTest {
  private static final int MAX_BODY = 64 * 1024;
  private static final String HOUSE = "{\"age\": 1.5, \"rooms\": 3, \"city\": \"b\"}";

  @TempDir
  static Path root;
  static ModelServer server;
  static HttpTestClient http;

  @BeforeAll
  static void start() {
    TestRepository.create(root);
    server = new ModelServer(ServerConfig.defaults(root).withBindAddress("127.0.0.1").withMaxBodyBytes(MAX_BODY))
        .start(0);
    http = new HttpTestClient(server.actualPort());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Answer predict(String path, String instances) {
    return http.post(path, "{\"instances\": " + instances + "}");
  }

  @Test
  void listensOnTheEphemeralPortItWasGiven() {
    assertThat(server.actualPort()).isPositive();
  }

  @Test
  void predictsWithTheHighestAvailableVersionByDefault() {
    Answer answer = predict("/v1/models/houses:predict", "[" + HOUSE + "]");
    assertThat(answer.status()).isEqualTo(200);
    // Version 3 is broken, so version 2 answers: 2 * 1.5 + 20 * 3 + 200 * index("b").
    assertThat(answer.body()).isEqualTo("{\"predictions\":[263.0]}");
  }

  @Test
  void predictsWithARequestedVersion() {
    Answer answer = predict("/v1/models/houses/versions/1:predict", "[" + HOUSE + "]");
    assertThat(answer.body()).isEqualTo("{\"predictions\":[131.5]}");
  }

  @Test
  void acceptsPositionalInstancesNullsAndSignatureName() {
    Answer answer = http.post("/v1/models/houses:predict", "{\"signature_name\": \"serving_default\", "
        + "\"instances\": [[1.5, 3, \"b\"], [null, 3, \"b\"], {\"age\": 1.5, \"rooms\": 3, \"city\": \"unseen\"}]}");
    assertThat(answer.status()).isEqualTo(200);
    // A missing or unseen value reaches the model as NaN, which the test runtime counts as 0.
    assertThat(answer.body()).isEqualTo("{\"predictions\":[263.0,260.0,63.0]}");
  }

  @Test
  void answersClassProbabilitiesForMulticlassAndOneProbabilityForBinary() {
    assertThat(predict("/v1/models/iris:predict", "[{\"x\": 0.25, \"y\": 0.75}, [1, 0]]").body())
        .isEqualTo("{\"predictions\":[[0.25,0.75,0.5],[1.0,0.0,0.5]]}");
    assertThat(predict("/v1/models/churn:predict", "[{\"active\": true, \"score\": 0.5}]").body())
        .isEqualTo("{\"predictions\":[0.625]}");
  }

  @Test
  void predictionsNeverRunOnAnEventLoop() {
    // Other test classes run models on threads of their own choosing in this JVM; only this server's count.
    LinearTestRuntimeProvider.PREDICT_THREADS.clear();
    predict("/v1/models/houses:predict", "[" + HOUSE + "]");
    // Workers answer requests; warm-ups run wherever a load runs (the starting thread, the lifecycle thread).
    assertThat(LinearTestRuntimeProvider.PREDICT_THREADS)
        .anySatisfy(name -> assertThat(name).startsWith(WorkerPool.THREAD_PREFIX))
        .noneSatisfy(name -> assertThat(name).startsWith("prodline-io"));
  }

  @Test
  void reportsEveryVersionNewestFirstWithFailedOnesAsEnded() {
    Answer answer = http.get("/v1/models/houses");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode versions = answer.json().get("model_version_status");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).get("version").asText()).isEqualTo("3");
    assertThat(versions.get(0).get("state").asText()).isEqualTo("END");
    assertThat(versions.get(0).get("status").get("error_code").asText()).isEqualTo("UNKNOWN");
    assertThat(versions.get(0).get("status").get("error_message").asText())
        .endsWith("/houses/3/bundle.yaml:1: not valid YAML: a key must be a single value, not a mapping or a list");
    assertThat(versions.get(1).toString()).isEqualTo(
        "{\"version\":\"2\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}");
    assertThat(versions.get(2).get("version").asText()).isEqualTo("1");

    assertThat(http.get("/v1/models/houses/versions/1").body()).isEqualTo("{\"model_version_status\":[{\"version\":"
        + "\"1\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}");
  }

  @Test
  void describesInputsAndOutputsInMetadata() {
    Answer answer = http.get("/v1/models/houses/metadata");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode body = answer.json();
    assertThat(body.get("model_spec").get("name").asText()).isEqualTo("houses");
    assertThat(body.get("model_spec").get("version").asText()).isEqualTo("2");
    JsonNode signature = body.get("metadata").get("signature_def").get("signature_def").get("serving_default");
    assertThat(signature.get("method_name").asText()).isEqualTo("tensorflow/serving/predict");
    JsonNode inputs = signature.get("inputs");
    assertThat(inputs.fieldNames()).toIterable().containsExactly("age", "rooms", "city");
    assertThat(inputs.get("age").get("dtype").asText()).isEqualTo("DT_DOUBLE");
    assertThat(inputs.get("rooms").get("dtype").asText()).isEqualTo("DT_INT64");
    assertThat(inputs.get("city").get("dtype").asText()).isEqualTo("DT_STRING");
    assertThat(inputs.get("age").get("tensor_shape").get("dim").get(0).get("size").asText()).isEqualTo("-1");
    assertThat(signature.get("outputs").get("predictions").get("dtype").asText()).isEqualTo("DT_FLOAT");
    // TF Serving's GetModelMetadataResponse: the one metadata entry is a google.protobuf.Any naming its type.
    assertThat(body.get("metadata").fieldNames()).toIterable().containsExactly("signature_def");
    assertThat(body.get("metadata").get("signature_def").fieldNames()).toIterable()
        .containsExactly("@type", "signature_def");
    assertThat(body.get("metadata").get("signature_def").get("@type").asText())
        .isEqualTo("type.googleapis.com/tensorflow.serving.SignatureDefMap");
    assertThat(inputs.get("age").toString()).isEqualTo("{\"dtype\":\"DT_DOUBLE\",\"tensor_shape\":{\"dim\":"
        + "[{\"size\":\"-1\",\"name\":\"\"}],\"unknown_rank\":false},\"name\":\"age\"}");

    JsonNode iris = http.get("/v1/models/iris/versions/1/metadata").json();
    JsonNode dims = iris.get("metadata").get("signature_def").get("signature_def").get("serving_default")
        .get("outputs").get("predictions").get("tensor_shape").get("dim");
    assertThat(dims.findValuesAsText("size")).containsExactly("-1", "3");
  }

  @Test
  void unknownModelsVersionsAndPathsAre404NamingWhatExists() {
    Answer model = predict("/v1/models/nope:predict", "[" + HOUSE + "]");
    assertThat(model.status()).isEqualTo(404);
    assertThat(model.error()).isEqualTo("model 'nope' not found; this server has [churn, exploding, houses, iris, slow]");

    Answer version = predict("/v1/models/houses/versions/9:predict", "[" + HOUSE + "]");
    assertThat(version.status()).isEqualTo(404);
    assertThat(version.error()).isEqualTo("model 'houses' has no version 9; its versions are [3, 2, 1]");

    Answer failed = predict("/v1/models/houses/versions/3:predict", "[" + HOUSE + "]");
    assertThat(failed.status()).isEqualTo(404);
    assertThat(failed.error()).startsWith("version 3 of model 'houses' is not available: ")
        .endsWith("/houses/3/bundle.yaml:1: not valid YAML: a key must be a single value, not a mapping or a list");

    assertThat(http.get("/v1/models/houses/versions/9").status()).isEqualTo(404);
    assertThat(http.get("/v1/models/nope/metadata").status()).isEqualTo(404);

    Answer path = http.get("/v2/something");
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.error()).startsWith("no endpoint at /v2/something; the API has ");

    Answer elsewhere = http.get("/v3/models/houses");
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(elsewhere.error()).startsWith("no endpoint at /v3/models/houses; this port answers TensorFlow "
        + "Serving's API: GET /v1/models/<name>").contains("the Open Inference Protocol under /v2")
        .endsWith("; and GET /healthz, GET /readyz, GET /metrics, GET /monitoring/prometheus/metrics, GET /dashboard");
  }

  @Test
  void badRequestsAre400WithTheReason() {
    assertBadRequest("{\"instances\": [1, }", "malformed JSON at line 1, column ");
    assertBadRequest("{\"signature_name\": \"serving_default\"}", "no \"instances\"");
    assertBadRequest("{\"instances\": []}", "\"instances\" is empty");
    assertBadRequest("{\"instances\": [" + HOUSE + ", {\"age\": 1, \"rooms\": 2}]}",
        "instance 1 is missing feature 'city'");
    assertBadRequest("{\"instances\": [{\"age\": \"old\", \"rooms\": 2, \"city\": \"a\"}]}",
        "instance 0: feature 'age' must be a number (float64) but got the string \"old\"");
    assertBadRequest("{\"instances\": [{\"age\": 1, \"rooms\": 2, \"city\": \"a\", \"cty\": \"a\"}]}",
        "instance 0 has unknown feature 'cty'");
    assertBadRequest("{\"instances\": [[1, 2]]}", "instance 0 has 2 values but the model takes 3");
  }

  private static void assertBadRequest(String body, String message) {
    Answer answer = http.post("/v1/models/houses:predict", body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.error()).as(body).contains(message);
  }

  @Test
  void wrongMethodsAre405NamingTheAllowedOne() {
    Answer getPredict = http.get("/v1/models/houses:predict");
    assertThat(getPredict.status()).isEqualTo(405);
    assertThat(getPredict.allow()).isEqualTo("POST");
    assertThat(getPredict.error()).isEqualTo("method GET is not allowed on /v1/models/houses:predict; use POST");

    Answer postStatus = http.post("/v1/models/houses", "{}");
    assertThat(postStatus.status()).isEqualTo(405);
    assertThat(postStatus.allow()).isEqualTo("GET");
  }

  @Test
  void bodiesOverTheLimitAre413AndTheConnectionKeepsServing() {
    Answer answer = http.post("/v1/models/houses:predict", "{\"instances\": [" + "1,".repeat(MAX_BODY) + "1]}");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error()).contains("larger than the limit of " + MAX_BODY + " bytes");

    Answer chunked = http.send(HttpRequest.newBuilder(URI.create(http.uri("/v1/models/houses:predict")))
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(new byte[MAX_BODY * 2]))));
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.error()).contains("larger than the limit of " + MAX_BODY + " bytes");

    assertThat(predict("/v1/models/houses:predict", "[" + HOUSE + "]").status()).isEqualTo(200);
  }

  /**
   * A chunked body has no declared end, so the server closes the connection after its 413. A client still sending
   * when the 413 goes out must get the answer, not a reset: the server goes on reading (and dropping) what arrives
   * for a while before it closes, as nginx's lingering close does.
   */
  @Test
  void aClientStillSendingAnOversizedChunkedBodyReadsThe413() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/models/houses:predict HTTP/1.1\r\nHost: localhost\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      writeChunk(out, MAX_BODY + 1);
      Thread.sleep(300); // the server has answered by now
      writeChunk(out, MAX_BODY); // to a closed socket this would draw a reset that discards the unread 413
      Thread.sleep(300);

      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of " + MAX_BODY + " bytes");
    }
  }

  private static void writeChunk(OutputStream out, int size) throws IOException {
    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[size]);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Test
  void unexpectedFailuresAre500WithoutDetails() {
    Answer answer = predict("/v1/models/exploding:predict", "[{\"x\": 1}]");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error())
        .isEqualTo("internal server error while answering POST /v1/models/exploding:predict; the details are in "
            + "the server log")
        .doesNotContain("secret");
  }

  @Test
  void answersConcurrentRequestsCorrectly() throws Exception {
    int threads = 8;
    int requests = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < requests; i++) {
            int age = thread * 1000 + i;
            int rooms = i % 7;
            int city = i % 3;
            Answer answer = predict("/v1/models/houses:predict", "[{\"age\": " + age + ", \"rooms\": " + rooms
                + ", \"city\": \"" + TestBundles.CITIES.get(city) + "\"}]");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("predictions").get(0).asDouble())
                .isEqualTo(2.0 * age + 20.0 * rooms + 200.0 * city);
          }
          return requests;
        }));
      }
      int total = 0;
      for (Future<Integer> f : done) {
        total += f.get();
      }
      assertThat(total).isEqualTo(threads * requests);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void gzipAndDeflateBodiesAreDecompressedAndOthersRefused() throws Exception {
    byte[] plain = ("{\"instances\": [" + HOUSE + "]}").getBytes(StandardCharsets.UTF_8);
    Answer expected = predict("/v1/models/houses:predict", "[" + HOUSE + "]");
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
      out.write(plain);
    }
    ByteArrayOutputStream deflated = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
      out.write(plain);
    }

    assertThat(new String(postEncoded("gzip", gzipped.toByteArray()).body(), StandardCharsets.UTF_8))
        .isEqualTo(expected.body());
    assertThat(new String(postEncoded("deflate", deflated.toByteArray()).body(), StandardCharsets.UTF_8))
        .isEqualTo(expected.body());
    HttpResponse<byte[]> brotli = postEncoded("br", plain);
    assertThat(brotli.statusCode()).isEqualTo(415);
    assertThat(new String(brotli.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"Content-Encoding 'br' is "
        + "not supported; send the body uncompressed, or with gzip or deflate\"}");
    HttpResponse<byte[]> notGzip = postEncoded("gzip", plain);
    assertThat(notGzip.statusCode()).isEqualTo(400);
    assertThat(new String(notGzip.body(), StandardCharsets.UTF_8)).contains("the body is not valid gzip data");
  }

  @Test
  void aGzipBodyIsLimitedByItsDecompressedSize() throws Exception {
    // 20 times the limit of spaces compresses to a few hundred bytes.
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bomb)) {
      out.write(("{\"instances\": [" + HOUSE + "]" + " ".repeat(20 * MAX_BODY) + "}").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(bomb.size()).isLessThan(MAX_BODY / 10);

    HttpResponse<byte[]> answer = postEncoded("gzip", bomb.toByteArray());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("larger than the limit of " + MAX_BODY
        + " bytes once gzip-decoded");
  }

  @Test
  void largeAnswersAreGzippedForClientsThatAcceptIt() throws Exception {
    String instances = "[" + String.join(", ", Collections.nCopies(250, HOUSE)) + "]";
    Answer plain = predict("/v1/models/houses:predict", instances);
    assertThat(plain.body().length()).isGreaterThan(1024);
    assertThat(plain.header("content-encoding")).isNull();

    HttpResponse<byte[]> compressed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(http.uri("/v1/models/houses:predict")))
        .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8")
        .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": " + instances + "}")).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(compressed.statusCode()).isEqualTo(200);
    assertThat(compressed.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(compressed.body().length).isLessThan(plain.body().length());
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
  }

  @Test
  void headIsAGetWithoutItsBody() throws Exception {
    Answer get = http.get("/v1/models/houses");
    HttpResponse<byte[]> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(http.uri("/v1/models/houses"))).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-length"))
        .hasValue(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
    // Still served after a HEAD on the same connection: its answer carried no body to confuse the next one.
    assertThat(http.get("/v1/models/houses").body()).isEqualTo(get.body());
  }

  private static HttpResponse<byte[]> postEncoded(String encoding, byte[] body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.uri("/v1/models/houses:predict")))
        .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
