package io.prodline.app;

import io.prodline.serving.protocol.InstancesJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real server: a model trained in-process, written as a bundle, served over HTTP; every
 * held-out row's served prediction must equal XGBoost's own in-process prediction, and bad requests must get
 * the right 4xx.
 */
class ServedEqualsInProcessTest {
  @TempDir
  static Path home;
  static TrainingResult cancer;
  static TrainingResult weather;
  static ModelServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void trainAndServe() throws Exception {
    Frame cancerData;
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancerData = csv.readAll();
    }
    Frame weatherData;
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/seattle-weather.csv"))) {
      weatherData = csv.readAll();
    }
    TrainingResult.DataSource source = new TrainingResult.DataSource("test", "0");
    cancer = TrainingJob.run(cancerData, source, TrainingSpec.defaults("cancer", "diagnosis"));
    weather = TrainingJob.run(weatherData, source, TrainingSpec.defaults("weather", "weather"));
    cancer.writeBundle(home.resolve("models/cancer/1"), 1);
    weather.writeBundle(home.resolve("models/weather/1"), 1);
    server = new ModelServer(ServerConfig.defaults(home.resolve("models")).withBindAddress("127.0.0.1")).start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void assertServedEqualsInProcess(TrainingResult r, String model) throws Exception {
    HttpResponse<String> response = post("/v1/models/" + model + ":predict", InstancesJson.of(r.evalRows(), r.inputs()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode predictions = JSON.readTree(response.body()).get("predictions");
    assertThat(predictions.size()).isEqualTo(r.evalRows().rowCount());
    int width = r.outputWidth();
    double maxDiff = 0;
    for (int row = 0; row < r.evalRows().rowCount(); row++) {
      for (int k = 0; k < width; k++) {
        double served = width == 1 ? predictions.get(row).asDouble() : predictions.get(row).get(k).asDouble();
        maxDiff = Math.max(maxDiff, Math.abs(served - r.evalPredictions()[row * width + k]));
      }
    }
    assertThat(maxDiff).isLessThanOrEqualTo(QuickstartCommand.TOLERANCE);
  }

  @Test
  void binaryServedPredictionsEqualXGBoost() throws Exception {
    assertServedEqualsInProcess(cancer, "cancer");
  }

  @Test
  void multiclassWithAVocabularyFeatureServedEqualsXGBoost() throws Exception {
    // seattle-weather has a string feature (date) encoded through the fitted vocabulary on both sides.
    assertServedEqualsInProcess(weather, "weather");
  }

  @Test
  void unknownModelIs404NamingTheKnownModels() throws Exception {
    HttpResponse<String> r = post("/v1/models/nope:predict", "{\"instances\": [{}]}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("nope").contains("cancer");
  }

  @Test
  void malformedJsonIs400() throws Exception {
    HttpResponse<String> r = post("/v1/models/cancer:predict", "{\"instances\": [");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).has("error")).isTrue();
  }

  @Test
  void missingFeatureIs400NamingIt() throws Exception {
    HttpResponse<String> r = post("/v1/models/cancer:predict", "{\"instances\": [{\"mean_radius\": 12.0}]}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("mean_texture");
  }

  @Test
  void wrongTypeIs400NamingTheFeature() throws Exception {
    String body = InstancesJson.of(cancer.evalRows().take(new int[] {0}), cancer.inputs())
        .replaceFirst("\"mean_radius\":[0-9.eE+-]+", "\"mean_radius\":\"big\"");
    HttpResponse<String> r = post("/v1/models/cancer:predict", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).contains("mean_radius");
  }
}
