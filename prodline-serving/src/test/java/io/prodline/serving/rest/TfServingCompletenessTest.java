package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.testing.HttpTestClient;
import io.prodline.serving.testing.TestServer;
import io.prodline.serving.testing.HttpTestClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TF Serving's REST API beyond :predict with rows: labels, :classify, :regress, columnar inputs and b64. */
class TfServingCompletenessTest {
  @RegisterExtension
  static final TestServer served = new TestServer();

  private static HttpTestClient http() {
    return served.http();
  }

  @Test
  void labelsRoutePredictStatusAndMetadata() {
    // houses: label stable -> version 1 (weights 1, 10, 100); the default is version 2.
    String house = "{\"instances\": [{\"age\": 1.5, \"rooms\": 3, \"city\": \"b\"}]}";
    assertThat(http().post("/v1/models/houses/labels/stable:predict", house).body())
        .isEqualTo("{\"predictions\":[131.5]}");
    assertThat(http().get("/v1/models/houses/labels/stable").body()).isEqualTo("{\"model_version_status\":[{\"version\":"
        + "\"1\",\"state\":\"AVAILABLE\",\"status\":{\"error_code\":\"OK\",\"error_message\":\"\"}}]}");
    assertThat(http().get("/v1/models/houses/labels/stable/metadata").json().get("model_spec").get("version").asText())
        .isEqualTo("1");

    Answer unknown = http().post("/v1/models/houses/labels/canary:predict", house);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.error()).isEqualTo("model 'houses' has no label 'canary'; its labels are [stable]");
    assertThat(http().get("/v1/models/houses/labels/canary").status()).isEqualTo(404);
  }

  @Test
  void classifyAnswersEveryClassWithItsScore() {
    Answer iris = http().post("/v1/models/iris:classify",
        "{\"examples\": [{\"x\": 0.2, \"y\": 0.6}], \"signature_name\": \"serving_default\"}");
    assertThat(iris.status()).isEqualTo(200);
    assertThat(iris.body()).isEqualTo(
        "{\"results\":[[[\"setosa\",0.2],[\"versicolor\",0.6],[\"virginica\",0.4]]]}");

    Answer churn = http().post("/v1/models/churn:classify",
        "{\"context\": {\"active\": true}, \"examples\": [{\"score\": 1}, {\"score\": 0}]}");
    assertThat(churn.body()).isEqualTo(
        "{\"results\":[[[\"stay\",0.25],[\"leave\",0.75]],[[\"stay\",0.5],[\"leave\",0.5]]]}");
  }

  @Test
  void regressAnswersOneValuePerExample() {
    Answer answer = http().post("/v1/models/houses/versions/1:regress",
        "{\"examples\": [{\"age\": 1, \"rooms\": 2, \"city\": \"c\"}, {\"age\": 0, \"rooms\": 0, \"city\": \"a\"}]}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"results\":[221.0,0.0]}");
  }

  @Test
  void examplesTakeTfExampleStyleListsOfOneValue() {
    Answer answer = http().post("/v1/models/houses/versions/1:regress",
        "{\"context\": {\"city\": [\"c\"]}, "
            + "\"examples\": [{\"age\": [1], \"rooms\": [2]}, {\"age\": 0, \"rooms\": [0]}]}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"results\":[221.0,200.0]}");

    Answer two = http().post("/v1/models/houses/versions/1:regress",
        "{\"examples\": [{\"age\": [1, 2], \"rooms\": 2, \"city\": \"c\"}]}");
    assertThat(two.status()).isEqualTo(400);
    assertThat(two.error()).isEqualTo("example 0: feature 'age' has 2 values; a feature takes one value per "
        + "example, given alone or as a list of one");
  }

  @Test
  void theWrongTaskIs400WithASentence() {
    Answer classify = http().post("/v1/models/houses:classify",
        "{\"examples\": [{\"age\": 1, \"rooms\": 2, \"city\": \"c\"}]}");
    assertThat(classify.status()).isEqualTo(400);
    assertThat(classify.error()).isEqualTo("model 'houses' version 2 is a regression model; :classify needs a "
        + "classification model, use :regress or :predict");
    Answer regress = http().post("/v1/models/iris:regress", "{\"examples\": [{\"x\": 1, \"y\": 2}]}");
    assertThat(regress.status()).isEqualTo(400);
    assertThat(regress.error()).contains("is a multiclass_classification model; :regress needs a regression model");
  }

  @Test
  void columnarRequestsAreAnsweredWithOutputs() {
    Answer answer = http().post("/v1/models/iris:predict", "{\"inputs\": {\"x\": [1, 0], \"y\": [0, 1]}}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("{\"outputs\":[[1.0,0.0,0.5],[0.0,1.0,0.5]]}");
    assertThat(http().post("/v1/models/slow:predict", "{\"inputs\": [4]}").body()).isEqualTo("{\"outputs\":[4.0]}");
  }

  @Test
  void b64StringsAndSignatureNames() {
    String city = Base64.getEncoder().encodeToString("c".getBytes(StandardCharsets.UTF_8));
    Answer answer = http().post("/v1/models/houses/versions/1:predict",
        "{\"signature_name\": \"serving_default\", \"instances\": [[0, 0, {\"b64\": \"" + city + "\"}]]}");
    assertThat(answer.body()).isEqualTo("{\"predictions\":[200.0]}");
    Answer signature = http().post("/v1/models/houses:predict",
        "{\"signature_name\": \"predict\", \"instances\": [[0, 0, \"a\"]]}");
    assertThat(signature.status()).isEqualTo(400);
    assertThat(signature.error()).isEqualTo("unknown signature_name \"predict\"; this model has \"serving_default\"");
  }
}
