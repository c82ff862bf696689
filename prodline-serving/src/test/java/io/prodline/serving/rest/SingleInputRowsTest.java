package io.prodline.serving.rest;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestBundles;
import io.prodline.serving.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TF Serving's rows for a one-input model: each row is that input's value itself, plain or as {"b64": ...}. */
class SingleInputRowsTest {
  // double: 2 * x; city: 10 * the city's code (a, b, c encode as 0, 1, 2); pair: x + y.
  @RegisterExtension
  static final TestServer served = new TestServer().withModels(root -> {
    TestBundles.write(root, "double", 1, Task.REGRESSION, List.of(), List.of(field("x", ColumnType.FLOAT64)), "2");
    TestBundles.write(root, "city", 1, Task.REGRESSION, List.of(), List.of(field("city", ColumnType.STRING)), "10");
    TestBundles.write(root, "pair", 1, Task.REGRESSION, List.of(),
        List.of(field("x", ColumnType.FLOAT64), field("y", ColumnType.FLOAT64)), "1 1");
  });
  private static HttpTestClient http;

  @BeforeAll
  static void connect() {
    http = served.http();
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void bareNumbersAreRowsOfTheOneInput() {
    Answer answer = http.post("/v1/models/double:predict", "{\"instances\": [3.5, 4.0, null]}");
    assertThat(answer.status()).isEqualTo(200);
    // The test runtime counts a missing input as 0.
    assertThat(answer.body()).isEqualTo("{\"predictions\":[7.0,8.0,0.0]}");
    assertThat(http.post("/v1/models/double:predict", "{\"inputs\": [3.5, 4.0]}").body())
        .isEqualTo("{\"outputs\":[7.0,8.0]}");
  }

  @Test
  void b64ObjectsAreRowsOfTheOneStringInput() {
    Answer answer = http.post("/v1/models/city:predict",
        "{\"instances\": [{\"b64\": \"" + b64("c") + "\"}, \"b\", {\"city\": \"a\"}]}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"predictions\":[20.0,10.0,0.0]}");
    assertThat(http.post("/v1/models/city:predict", "{\"inputs\": [{\"b64\": \"" + b64("b") + "\"}]}").body())
        .isEqualTo("{\"outputs\":[10.0]}");

    Answer notText = http.post("/v1/models/double:predict", "{\"instances\": [{\"b64\": \"" + b64("c") + "\"}]}");
    assertThat(notText.status()).isEqualTo(400);
    assertThat(notText.error()).isEqualTo("instance 0: feature 'x' must be a number (float64) but got "
        + "{\"b64\": ...}, which is only for string features");
  }

  @Test
  void aModelWithSeveralInputsRefusesBareValuesSayingWhatARowIs() {
    Answer answer = http.post("/v1/models/pair:predict", "{\"instances\": [3.5, 4.0]}");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo("instance 0 is the number 3.5, but a row must be a list of the 2 values in "
        + "the order [x, y] or an object naming them; only a model with one input takes bare values as rows");
    Answer b64 = http.post("/v1/models/pair:predict", "{\"instances\": [{\"b64\": \"" + b64("c") + "\"}]}");
    assertThat(b64.status()).isEqualTo(400);
    assertThat(b64.error()).isEqualTo("instance 0 has unknown feature 'b64'; the model takes [x, y]");
  }
}
