package io.prodline.serving.rest.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Open Inference Protocol's REST endpoints end to end, over real sockets. See {@link TestRepository}. */
class OpenInferenceRestTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** houses, version 2 answers 2 * age + 20 * rooms + 200 * index(city); "b" has index 1. */
  private static final String HOUSE_INPUTS = "[{\"name\": \"age\", \"shape\": [2], \"datatype\": \"FP32\", "
      + "\"data\": [1.5, 2]}, {\"name\": \"rooms\", \"shape\": [2, 1], \"datatype\": \"INT32\", \"data\": [[3], [1]]}, "
      + "{\"name\": \"city\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"b\", \"a\"]}]";

  @RegisterExtension
  static final TestServer served = new TestServer();

  private static HttpTestClient http() {
    return served.http();
  }

  /** As on /v1; without the prediction log the server makes up no id, so a request without one gets none back. */
  @Test
  void echoesTheRequestsXRequestIdOnItsAnswer() {
    String body = "{\"inputs\": " + HOUSE_INPUTS + "}";
    Answer answered = http().send(HttpRequest.newBuilder(URI.create(http().uri("/v2/models/houses/infer")))
        .header("X-Request-Id", "trace-7").POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.header("x-request-id")).isEqualTo("trace-7");

    Answer refused = http().send(HttpRequest.newBuilder(URI.create(http().uri("/v2/models/houses/versions/9/infer")))
        .header("X-Request-Id", "trace-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.header("x-request-id")).isEqualTo("trace-8");

    assertThat(http().post("/v2/models/houses/infer", body).header("x-request-id")).isNull();

    // Refused before any API reads the request: an unknown path on either API, a wrong method.
    for (String path : new String[] {"/v2/nowhere", "/v1/nowhere", "/v1/models/houses:predict"}) {
      Answer early = http().send(HttpRequest.newBuilder(URI.create(http().uri(path)))
          .header("X-Request-Id", "trace-9").PUT(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(early.status()).as(path).isIn(404, 405);
      assertThat(early.header("x-request-id")).as(path).isEqualTo("trace-9");
    }
  }

  /** A body's id may hold what no header may: the answer then goes without the header, and nothing waits. */
  @Test
  void aBodyIdThatCannotBeAHeaderValueIsAnsweredWithoutTheHeader() {
    for (String id : new String[] {"line\\nbreak", "caf\u00e9"}) {
      Answer answered = http().post("/v2/models/houses/infer", "{\"id\": \"" + id + "\", \"inputs\": " + HOUSE_INPUTS
          + "}");
      assertThat(answered.status()).as(answered.body()).isEqualTo(200);
      assertThat(answered.json().get("id").asText()).isIn("line\nbreak", "caf\u00e9");
      assertThat(answered.header("x-request-id")).isNull();
    }
  }

  @Test
  void describesTheServerAndItsHealth() {
    JsonNode metadata = http().get("/v2").json();
    assertThat(metadata.get("name").asText()).isEqualTo("prodline");
    assertThat(metadata.get("version").asText()).isNotEmpty();
    assertThat(metadata.get("extensions").toString())
        .isEqualTo("[\"binary_tensor_data\",\"classification\",\"model_configuration\",\"statistics\"]");

    assertThat(http().get("/v2/health/live").body()).isEqualTo("{\"live\":true}");
    Answer ready = http().get("/v2/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).isEqualTo("{\"ready\":true}");
  }

  @Test
  void describesModelsWithTheirAvailableVersionsAndTensors() {
    Answer answer = http().get("/v2/models/houses");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"name\":\"houses\",\"versions\":[\"2\",\"1\"],"
        + "\"platform\":\"prodline_linear-test\",\"inputs\":[{\"name\":\"age\",\"datatype\":\"FP64\",\"shape\":[-1]},"
        + "{\"name\":\"rooms\",\"datatype\":\"INT64\",\"shape\":[-1]},"
        + "{\"name\":\"city\",\"datatype\":\"BYTES\",\"shape\":[-1]}],"
        + "\"outputs\":[{\"name\":\"predictions\",\"datatype\":\"FP32\",\"shape\":[-1]}]}");
    JsonNode iris = http().get("/v2/models/iris/versions/1").json();
    assertThat(iris.get("outputs").get(0).get("shape").toString()).isEqualTo("[-1,3]");
  }

  /**
   * Triton's model configuration extension: the metadata's tensors in Triton's configuration terms, batched along
   * the first dimension up to the request row limit, with the version policy of the repository (all, here).
   */
  @Test
  void describesModelsAsTritonsModelConfiguration() {
    Answer answer = http().get("/v2/models/houses/config");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"name\":\"houses\",\"platform\":\"prodline_linear-test\","
        + "\"backend\":\"prodline\",\"max_batch_size\":10000,\"version_policy\":{\"all\":{}},\"input\":["
        + "{\"name\":\"age\",\"data_type\":\"TYPE_FP64\",\"dims\":[1],\"reshape\":{\"shape\":[]}},"
        + "{\"name\":\"rooms\",\"data_type\":\"TYPE_INT64\",\"dims\":[1],\"reshape\":{\"shape\":[]}},"
        + "{\"name\":\"city\",\"data_type\":\"TYPE_STRING\",\"dims\":[1],\"reshape\":{\"shape\":[]}}],"
        + "\"output\":[{\"name\":\"predictions\",\"data_type\":\"TYPE_FP32\",\"dims\":[1],"
        + "\"reshape\":{\"shape\":[]}}],\"parameters\":{\"allow_infinity\":{\"string_value\":\"false\"},"
        + "\"allow_nan\":{\"string_value\":\"false\"}}}");
    JsonNode iris = http().get("/v2/models/iris/versions/1/config").json();
    assertThat(iris.get("output").get(0).toString())
        .isEqualTo("{\"name\":\"predictions\",\"data_type\":\"TYPE_FP32\",\"dims\":[3]}");
    assertThat(http().get("/v2/models/nope/config").status()).isEqualTo(404);
    assertThat(http().get("/v2/models/houses/versions/9/config").status()).isEqualTo(404);
    assertThat(http().post("/v2/models/houses/config", "{}").status()).isEqualTo(405);
  }

  @Test
  void fieldsTheProtocolDoesNotDefineAreReadPastAsTritonAndKServeDo() {
    String extra = "{\"model_name\": \"houses\", \"inputs\": " + HOUSE_INPUTS.replace("\"name\": \"age\"",
        "\"name\": \"age\", \"note\": {\"unit\": [\"years\"]}") + ", \"outputs\": [{\"name\": \"predictions\", "
        + "\"hint\": 1}]}";
    Answer answer = http().post("/v2/models/houses/infer", extra);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("outputs").get(0).get("data").toString()).isEqualTo("[263.0,24.0]");
  }

  @Test
  void tellsWhetherAModelVersionIsReady() {
    assertThat(http().get("/v2/models/houses/ready").body()).isEqualTo("{\"name\":\"houses\",\"ready\":true}");
    Answer broken = http().get("/v2/models/houses/versions/3/ready");
    assertThat(broken.status()).isEqualTo(503);
    assertThat(broken.body()).isEqualTo("{\"name\":\"houses\",\"ready\":false}");
    assertThat(http().get("/v2/models/nope/ready").status()).isEqualTo(404);
    assertThat(http().get("/v2/models/houses/versions/9/ready").status()).isEqualTo(404);
  }

  @Test
  void infersFromJsonTensorsAndEchoesTheId() {
    Answer answer = http().post("/v2/models/houses/infer", "{\"id\": \"r-1\", \"inputs\": " + HOUSE_INPUTS + "}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"model_name\":\"houses\",\"model_version\":\"2\",\"id\":\"r-1\","
        + "\"outputs\":[{\"name\":\"predictions\",\"datatype\":\"FP32\",\"shape\":[2],\"data\":[263.0,24.0]}]}");

    Answer v1 = http().post("/v2/models/houses/versions/1/infer", "{\"inputs\": " + HOUSE_INPUTS
        + ", \"outputs\": [{\"name\": \"predictions\"}]}");
    assertThat(v1.json().get("model_version").asText()).isEqualTo("1");
    assertThat(v1.json().has("id")).isFalse();
    assertThat(v1.json().get("outputs").get(0).get("data").toString()).isEqualTo("[131.5,12.0]");
  }

  @Test
  void answersClassProbabilitiesAsARowPerInstanceAndTakesBooleans() {
    Answer iris = http().post("/v2/models/iris/infer", "{\"inputs\": [{\"name\": \"x\", \"shape\": [2], "
        + "\"datatype\": \"FP64\", \"data\": [0.25, 1]}, {\"name\": \"y\", \"shape\": [2], \"datatype\": \"UINT8\", "
        + "\"data\": [0, 1]}]}");
    JsonNode output = iris.json().get("outputs").get(0);
    assertThat(output.get("shape").toString()).isEqualTo("[2,3]");
    assertThat(output.get("data").toString()).isEqualTo("[0.25,0.0,0.125,1.0,1.0,1.0]");

    Answer churn = http().post("/v2/models/churn/infer", "{\"inputs\": [{\"name\": \"active\", \"shape\": [1], "
        + "\"datatype\": \"BOOL\", \"data\": [true]}, {\"name\": \"score\", \"shape\": [1], \"datatype\": \"FP16\", "
        + "\"data\": [0.5]}]}");
    assertThat(churn.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0.625]");

    Answer bfloat16 = http().post("/v2/models/churn/infer", "{\"inputs\": [{\"name\": \"active\", "
        + "\"shape\": [1], \"datatype\": \"BOOL\", \"data\": [true]}, {\"name\": \"score\", \"shape\": [1], "
        + "\"datatype\": \"BF16\", \"data\": [0.5]}]}");
    assertThat(bfloat16.json().get("outputs").get(0).get("data").toString()).isEqualTo("[0.625]");
  }

  @Test
  void answersTopClassesAsTritonsClassificationExtension() {
    // iris answers [0.25, 0, 0.125] and [1, 1, 1]: equal values keep their column order.
    String inputs = "\"inputs\": [{\"name\": \"x\", \"shape\": [2], \"datatype\": \"FP64\", \"data\": [0.25, 1]}, "
        + "{\"name\": \"y\", \"shape\": [2], \"datatype\": \"UINT8\", \"data\": [0, 1]}]";
    Answer iris = http().post("/v2/models/iris/infer", "{" + inputs + ", \"outputs\": [{\"name\": \"predictions\", "
        + "\"parameters\": {\"classification\": 2}}]}");
    assertThat(iris.status()).as(iris.body()).isEqualTo(200);
    assertThat(iris.json().get("outputs").get(0).toString()).isEqualTo("{\"name\":\"predictions\",\"datatype\":"
        + "\"BYTES\",\"shape\":[2,2],\"data\":[\"0.25:0:setosa\",\"0.125:2:virginica\",\"1.0:0:setosa\","
        + "\"1.0:1:versicolor\"]}");

    // A binary model's one value is the probability of its positive class, which labels it.
    Answer churn = http().post("/v2/models/churn/infer", "{\"inputs\": [{\"name\": \"active\", \"shape\": [1], "
        + "\"datatype\": \"BOOL\", \"data\": [true]}, {\"name\": \"score\", \"shape\": [1], \"datatype\": "
        + "\"FP32\", \"data\": [0.5]}], \"outputs\": [{\"name\": \"predictions\", \"parameters\": "
        + "{\"classification\": 5}}]}");
    assertThat(churn.json().get("outputs").get(0).get("shape").toString()).isEqualTo("[1,1]");
    assertThat(churn.json().get("outputs").get(0).get("data").toString()).isEqualTo("[\"0.625:0:leave\"]");

    for (String count : List.of("0", "-1", "\"2\"", "1.5")) {
      assertBadRequest("{" + inputs + ", \"outputs\": [{\"name\": \"predictions\", \"parameters\": "
          + "{\"classification\": " + count + "}}]}", "parameter classification of output 'predictions' must be a "
          + "positive integer, the number of top classes to answer per row", "/v2/models/iris/infer");
    }
  }

  @Test
  void badTensorsAre400WithTheReason() {
    assertBadRequest("{\"inputs\": [1, }", "malformed JSON at line 1, column 16: unexpected '}'");
    assertBadRequest("{\"inputs\": [{\"name\": \"age\"", "malformed JSON at line 1, column 27: the body ends "
        + "before the object that opens at line 1, column 13 is closed");
    assertBadRequest("{\"instances\": []}", "the request needs \"inputs\": a list of tensors {\"name\", \"shape\", "
        + "\"datatype\", \"data\"}, one per model input; \"instances\" is TF Serving's format, which POST "
        + "/v1/models/<model>:predict takes");
    assertBadRequest("{\"inputs\": []}", "the request needs \"inputs\"");
    assertBadRequest(HOUSE_INPUTS.replace("\"datatype\": \"FP32\", \"data\": [1.5, 2]", "\"datatype\": \"FP64\", "
        + "\"data\": [1.5, 1e300]").transform(inputs -> "{\"inputs\": " + inputs + "}"),
        "instance 1: model input 'age' is "
        + "beyond the float32 range the model computes in (its largest value is 3.4e38), so it would reach the model "
        + "as infinity; send a value within that range");
    assertBadRequest(houses("\"FP32\"", "[2]", "[1, 2]").replace("\"city\"", "\"town\""),
        "unknown input 'town'; the model takes [age, rooms, city]");
    assertBadRequest(houses("\"FP32\"", "[2]", "[1, 2]"), "input 'city' is FP32 but the feature is string; send BYTES");
    assertBadRequest(houses("\"BYTES\"", "[2]", "[\"a\"]"), "input 'city' has 1 elements in \"data\" but its shape needs 2");
    assertBadRequest(houses("\"BYTES\"", "[1]", "[\"a\"]"), "input 'city' has 1 rows but 'age' has 2");
    assertBadRequest(houses("\"BYTES\"", "[1, 2]", "[\"a\", \"b\"]"), "of shape [N] or [N, 1]");
    assertBadRequest(houses("\"FLOAT\"", "[2]", "[1, 2]"), "unknown datatype 'FLOAT'");
    assertBadRequest(houses("\"BYTES\"", "[2000000000]", "[]"), "input 'city' has shape [2000000000], more "
        + "elements than the at most 5 bytes of its \"data\" can hold; send as many elements as its shape says");
    assertBadRequest("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"INT8\", \"data\": [300]}]}",
        "input 'x' element 0 is 300, outside the INT8 range [-128, 127]", "/v2/models/slow/infer");
    assertBadRequest("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}], "
        + "\"outputs\": [{\"name\": \"scores\"}]}", "unknown output 'scores'; the model's output is 'predictions'",
        "/v2/models/slow/infer");
    assertBadRequest("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}], "
        + "\"outputs\": [{\"name\": \"predictions\"}, {\"name\": \"predictions\"}]}",
        "output 'predictions' is asked for twice; name each output once", "/v2/models/slow/infer");
    assertBadRequest("{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [[[1]]]}]}",
        "input 'x' has \"data\" nested unlike its shape [1]; send the elements as one flat list, or nested with one "
            + "list per dimension", "/v2/models/slow/infer");
  }

  /** JSON is UTF-8; other encodings are refused up front, here where data comes before the shape it needs. */
  @Test
  void aBodyNotInUtf8Is400NamingTheEncodingToSend() {
    byte[] utf16 = ("{\"inputs\": [{\"name\": \"x\", \"datatype\": \"FP32\", \"data\": [1], \"shape\": [1]}]}")
        .getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    for (byte[] body : new byte[][] {utf16, withBom}) {
      Answer answer = http().send(HttpRequest.newBuilder(URI.create(http().uri("/v2/models/slow/infer")))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json"));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.error()).isEqualTo("the JSON is encoded as UTF-16 or UTF-32 (it starts with a byte-order "
          + "mark or a zero byte); send it encoded as UTF-8");
    }
  }

  /** A houses request whose city tensor has the given datatype, shape and data. */
  private static String houses(String cityType, String cityShape, String cityData) {
    return HOUSE_INPUTS.replace("{\"name\": \"city\", \"shape\": [2], \"datatype\": \"BYTES\", \"data\": [\"b\", \"a\"]}",
        "{\"name\": \"city\", \"shape\": " + cityShape + ", \"datatype\": " + cityType + ", \"data\": " + cityData + "}")
        .transform(inputs -> "{\"inputs\": " + inputs + "}");
  }

  private static void assertBadRequest(String body, String message) {
    assertBadRequest(body, message, "/v2/models/houses/infer");
  }

  private static void assertBadRequest(String body, String message, String path) {
    Answer answer = http().post(path, body);
    assertThat(answer.status()).as(body).isEqualTo(400);
    assertThat(answer.error()).as(body).contains(message);
  }

  @Test
  void unknownModelsVersionsPathsAndMethodsAreAnsweredAsInTheTfServingApi() {
    Answer model = http().post("/v2/models/nope/infer", "{}");
    assertThat(model.status()).isEqualTo(404);
    assertThat(model.error()).isEqualTo("model 'nope' not found; this server has [churn, exploding, houses, iris, slow]");
    assertThat(http().get("/v2/models/houses/versions/9").status()).isEqualTo(404);
    assertThat(http().get("/v2/models/houses/versions/latest").error())
        .isEqualTo("model 'houses' has no version 'latest'; versions are positive integers");
    Answer path = http().get("/v2/repository/index");
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.error()).startsWith("no endpoint at /v2/repository/index; the API has GET /v2, ");
    Answer method = http().get("/v2/models/houses/infer");
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.allow()).isEqualTo("POST");
    Answer failure = http().post("/v2/models/exploding/infer",
        "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP32\", \"data\": [1]}]}");
    assertThat(failure.status()).isEqualTo(500);
    assertThat(failure.error()).doesNotContain("secret");
  }

  @Test
  void roundTripsBinaryTensorData() throws Exception {
    ByteBuffer age = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1.5).putDouble(2);
    ByteBuffer rooms = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(3).putLong(1);
    ByteBuffer city = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put((byte) 'b')
        .putInt(1).put((byte) 'a');
    String header = "{\"id\": \"bin\", \"inputs\": ["
        + "{\"name\": \"age\", \"shape\": [2], \"datatype\": \"FP64\", \"parameters\": {\"binary_data_size\": 16}},"
        + "{\"name\": \"rooms\", \"shape\": [2], \"datatype\": \"INT64\", \"parameters\": {\"binary_data_size\": 16}},"
        + "{\"name\": \"city\", \"shape\": [2], \"datatype\": \"BYTES\", \"parameters\": {\"binary_data_size\": 10}}],"
        + "\"outputs\": [{\"name\": \"predictions\", \"parameters\": {\"binary_data\": true}}]}";
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(json);
    body.write(age.array());
    body.write(rooms.array());
    body.write(city.array());

    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(http().uri("/v2/models/houses/infer")))
            .header("Inference-Header-Content-Length", Integer.toString(json.length))
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    int jsonLength = Integer.parseInt(response.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
    byte[] answer = response.body();
    JsonNode output = JSON.readTree(Arrays.copyOf(answer, jsonLength)).get("outputs").get(0);
    assertThat(output.toString()).isEqualTo("{\"name\":\"predictions\",\"datatype\":\"FP32\",\"shape\":[2],"
        + "\"parameters\":{\"binary_data_size\":8}}");
    ByteBuffer predictions = ByteBuffer.wrap(answer, jsonLength, answer.length - jsonLength)
        .order(ByteOrder.LITTLE_ENDIAN);
    assertThat(predictions.remaining()).isEqualTo(8);
    assertThat(predictions.getFloat()).isEqualTo(263.0f);
    assertThat(predictions.getFloat()).isEqualTo(24.0f);
  }

  @Test
  void binaryDataWithoutTheHeaderLengthIsRefused() {
    Answer answer = http().post("/v2/models/slow/infer", "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], "
        + "\"datatype\": \"FP32\", \"parameters\": {\"binary_data_size\": 4}}]}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).contains("no Inference-Header-Content-Length header");
  }
}
