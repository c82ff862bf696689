package io.prodline.app;

import io.prodline.serving.protocol.InstancesJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.Frame;
import io.prodline.core.transform.FittedTransform;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.serving.ModelServer;
import io.prodline.serving.ServerConfig;
import io.prodline.serving.protocol.PredictRequestDecoder;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import io.prodline.train.transform.TransformSpec;
import io.prodline.train.transform.TransformSpecReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cure for training/serving skew, proven: models trained on transform specs that use every transform kind
 * (with missing values injected), written as bundles and served by the real server. For every training and
 * held-out row, the model input the server computes from the row sent as JSON (the server's own request decoder
 * and the transform it loads from {@code transform.json}) equals the model input training computed from the
 * training frame, bit for bit; and the served predictions equal the in-process ones.
 */
class TransformServedEqualsTrainingTest {
  /** Every transform kind on seattle-weather; the label is temp_max (regression). */
  static final String WEATHER_SPEC = """
      features:
        - {name: day_of_week, input: date, steps: [{date_part: {part: day_of_week}}]}
        - {name: month, input: date, steps: [{date_part: {part: month}}, {scale_to_0_1: {}}]}
        - {name: day_of_year, input: date, steps: [{date_part: {part: day_of_year}}]}
        - {name: precipitation, input: precipitation, steps: [{fill: {strategy: mean}}, {log1p: {}}]}
        - {name: temp_min, input: temp_min, steps: [{fill: {strategy: mean}}, {zscore: {}}]}
        - name: wind
          input: wind
          steps: [{fill: {strategy: constant, value: 3}}, {clip: {min: 0, max: 8}}, {bucketize: {buckets: 5}}]
        - name: weather
          input: weather
          steps:
            - fill: {strategy: most_frequent}
            - vocabulary: {top_k: 4, oov_buckets: 2, encoding: one_hot}
        - {name: weather_hash, input: weather, steps: [{hash: {buckets: 7, encoding: one_hot}}]}
        - {name: weather_x_date, cross: {inputs: [weather, date], buckets: 16}}
      """;
  /** Numeric kinds on breast_cancer; the label is diagnosis (binary). */
  static final String CANCER_SPEC = """
      features:
        - {input: mean_radius, steps: [{zscore: {}}]}
        - {input: mean_texture, steps: [{fill: {strategy: mean}}, {scale_to_0_1: {}}]}
        - {input: mean_area, steps: [{log1p: {}}, {bucketize: {buckets: 10, kll_k: 64}}]}
        - {input: worst_area, steps: [{clip: {min: 300, max: 2000}}, {log1p: {}}]}
        - {input: worst_concave_points}
        - {input: worst_perimeter, steps: [{fill: {strategy: constant, value: 0}}]}
      """;

  @TempDir
  static Path home;
  static TrainingResult weather;
  static TrainingResult cancer;
  static ModelServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void trainAndServe() throws Exception {
    TrainingResult.DataSource source = new TrainingResult.DataSource("test", "0");
    Frame weatherData = withMissing(read("seattle-weather.csv"),
        Set.of("date", "precipitation", "temp_min", "wind", "weather"), 0.05, 11);
    Frame cancerData = withMissing(read("breast_cancer.csv"), Set.of("mean_texture", "worst_perimeter"), 0.05, 12);
    weather = TrainingJob.run(weatherData, source, TrainingSpec.defaults("weather", "temp_max")
        .withTransform(TransformSpecReader.parse(WEATHER_SPEC, "weather.yaml")));
    cancer = TrainingJob.run(cancerData, source, TrainingSpec.defaults("cancer", "diagnosis")
        .withTransform(TransformSpecReader.parse(CANCER_SPEC, "cancer.yaml")));
    weather.writeBundle(home.resolve("models/weather/1"), 1);
    cancer.writeBundle(home.resolve("models/cancer/1"), 1);
    server = new ModelServer(ServerConfig.defaults(home.resolve("models")).withBindAddress("127.0.0.1")).start(0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void weatherSpecUsesEveryTransformKind() {
    Set<String> kinds = weather.transform().features().stream()
        .map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet());
    assertThat(kinds).containsExactlyInAnyOrder("DatePartEncoder", "NumericEncoder", "VocabularyEncoder",
        "HashEncoder", "CrossEncoder");
    assertThat(weather.transform().toString()).contains("ScaleStep", "FillStep", "Log1pStep", "ZScoreStep",
        "ClipStep", "BucketizeStep");
    assertThat(weather.transform().width()).isEqualTo(3 + 3 + (4 + 2) + 7 + 1);
  }

  @Test
  void weatherRowsAsJsonAtTheServerGiveTheTrainingModelInputBitForBit() throws Exception {
    assertServerInputEqualsTraining(weather, "weather", weather.trainRows());
    assertServerInputEqualsTraining(weather, "weather", weather.evalRows());
  }

  @Test
  void cancerRowsAsJsonAtTheServerGiveTheTrainingModelInputBitForBit() throws Exception {
    assertServerInputEqualsTraining(cancer, "cancer", cancer.trainRows());
    assertServerInputEqualsTraining(cancer, "cancer", cancer.evalRows());
  }

  @Test
  void servedPredictionsEqualInProcessPredictions() throws Exception {
    assertServedPredictionsEqualInProcess(weather, "weather");
    assertServedPredictionsEqualInProcess(cancer, "cancer");
  }

  /**
   * Training's model input for {@code rows} against the server's: the same rows written as a predict request,
   * decoded by the server's decoder against the served manifest and encoded by the transform read from the
   * served bundle, compared float by float with {@link Float#floatToRawIntBits}.
   */
  static void assertServerInputEqualsTraining(TrainingResult r, String model, Frame rows) {
    Bundle served = BundleReader.read(home.resolve("models").resolve(model).resolve("1"));
    FittedTransform servedTransform = served.transform();
    byte[] request = InstancesJson.of(rows, r.inputs()).getBytes(StandardCharsets.UTF_8);
    float[] atServer = servedTransform.apply(PredictRequestDecoder.decode(request, served.manifest().inputs()));
    float[] inTraining = r.transform().apply(rows);

    int width = r.transform().width();
    List<String> names = r.transform().outputNames();
    assertThat(servedTransform).isEqualTo(r.transform());
    assertThat(atServer).hasSize(inTraining.length).hasSize(rows.rowCount() * width);
    List<String> differences = new ArrayList<>();
    for (int row = 0; row < rows.rowCount(); row++) {
      for (int k = 0; k < width; k++) {
        int i = row * width + k;
        if (Float.floatToRawIntBits(atServer[i]) != Float.floatToRawIntBits(inTraining[i])) {
          differences.add("row " + row + " " + names.get(k) + ": served " + atServer[i] + ", training "
              + inTraining[i]);
        }
      }
    }
    assertThat(differences).as("model inputs that differ between serving and training").isEmpty();
    assertThat(countMissing(rows)).as("rows with missing values were exercised").isPositive();
  }

  static void assertServedPredictionsEqualInProcess(TrainingResult r, String model) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/models/" + model + ":predict"))
        .POST(HttpRequest.BodyPublishers.ofString(InstancesJson.of(r.evalRows(), r.inputs()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode predictions = JSON.readTree(response.body()).get("predictions");
    assertThat(predictions.size()).isEqualTo(r.evalRows().rowCount());
    int width = r.outputWidth();
    for (int row = 0; row < r.evalRows().rowCount(); row++) {
      for (int k = 0; k < width; k++) {
        double served = width == 1 ? predictions.get(row).asDouble() : predictions.get(row).get(k).asDouble();
        assertThat(served).as("row %d output %d", row, k)
            .isCloseTo(r.evalPredictions()[row * width + k], org.assertj.core.data.Offset.offset(
                QuickstartCommand.TOLERANCE));
      }
    }
  }

  static Frame read(String file) throws Exception {
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data").resolve(file))) {
      return csv.readAll();
    }
  }

  /** A copy of {@code data} in which about {@code fraction} of the cells of {@code columns} are missing. */
  static Frame withMissing(Frame data, Set<String> columns, double fraction, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < data.columnCount(); c++) {
      Column column = data.column(c);
      if (!columns.contains(data.name(c))) {
        out.add(column);
        continue;
      }
      ColumnBuilder b = Column.builder(column.type());
      for (int row = 0; row < column.size(); row++) {
        b.appendObject(random.nextDouble() < fraction ? null : column.get(row));
      }
      out.add(b.build());
    }
    return Frame.of(data.names(), out);
  }

  static long countMissing(Frame rows) {
    long missing = 0;
    for (int c = 0; c < rows.columnCount(); c++) {
      missing += rows.column(c).nullCount();
    }
    return missing;
  }

}
