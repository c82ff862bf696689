package io.prodline.train.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.train.TrainingJob;
import io.prodline.train.TrainingResult;
import io.prodline.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external trainer contract with dependency-free scripts: a Python standard-library script that writes a
 * constant XGBoost model, and shell one-liners that fail in each way the contract names.
 */
class ExternalTrainerTest {
  static final Path SCRIPT = Path.of("src/test/resources/external/constant_model.py").toAbsolutePath();
  static Frame cancer;

  @TempDir Path work;

  @BeforeAll
  static void readData() {
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancer = csv.readAll();
    }
  }

  private TrainingResult train(List<String> command, Map<String, Object> params, Duration timeout) {
    TrainingSpec spec = TrainingSpec.defaults("cancer", "diagnosis")
        .withTrainer(new ExternalTrainer(command, Path.of(""), params, work.resolve("runs"), timeout));
    return TrainingJob.run(cancer, new TrainingResult.DataSource("mem", "0"), spec);
  }

  private static List<String> sh(String script) {
    return List.of("/bin/sh", "-c", script);
  }

  @Test
  void scriptModelIsCheckedEvaluatedAndBundledWithTheTransform() throws Exception {
    TrainingResult r = train(List.of("python3", SCRIPT.toString()), Map.of("epochs", 3), Duration.ofMinutes(1));
    double positiveRate = r.model().reportedMetrics().get("train_positive_rate");
    assertThat(positiveRate).isBetween(0.3, 0.45); // 212 of 569 rows are malignant
    assertThat(r.evalPredictions()).isNotEmpty();
    for (float p : r.evalPredictions()) {
      assertThat((double) p).isCloseTo(positiveRate, within(1e-6));
    }
    assertThat(r.metrics()).containsKey("log_loss");

    Bundle bundle = r.writeBundle(work.resolve("bundle/1"), 1);
    assertThat(bundle.manifest().runtime()).isEqualTo("xgboost");
    assertThat(bundle.manifest().source().trainer()).isEqualTo("external");
    assertThat(bundle.manifest().source().parameters()).containsEntry("epochs", "3");
    assertThat(bundle.transform()).isEqualTo(r.transform());
    try (Predictor predictor = Predictor.of(bundle)) {
      Predictions p = predictor.predict(r.evalRows());
      assertThat(p.values()).containsExactly(r.evalPredictions());
    }
    Path runDir = Files.list(work.resolve("runs")).findFirst().orElseThrow();
    assertThat(Files.readString(runDir.resolve(ExternalTrainer.LOG_FILE))).contains("features: 30");
    assertThat(Files.readString(runDir.resolve("params.json"))).contains("\"epochs\" : 3");
    assertThat(runDir.resolve("train.csv")).as("data copies are removed after a success").doesNotExist();
    assertThat(runDir.resolve("eval.csv")).doesNotExist();
  }

  @Test
  void nonZeroExitQuotesTheLogTailAndKeepsTheDataToRerunWith() throws Exception {
    assertThatThrownBy(() -> train(sh("echo loading; echo 'CUDA out of memory' >&2; exit 3"), Map.of(),
        Duration.ofMinutes(1)))
        .isInstanceOf(ProdlineException.class).hasMessageContaining("exit status 3")
        .hasMessageContaining("CUDA out of memory").hasMessageContaining("loading");
    Path runDir = Files.list(work.resolve("runs")).findFirst().orElseThrow();
    assertThat(Files.readAllLines(runDir.resolve("train.csv")).get(0)).startsWith("mean_radius,mean_texture,")
        .endsWith(",label");
    assertThat(runDir.resolve("eval.csv")).exists();
  }

  @Test
  void commandStartsInItsDirectoryWithTheWorkDirectoryNamed() throws Exception {
    Path start = Files.createDirectories(work.resolve("project"));
    TrainingSpec spec = TrainingSpec.defaults("cancer", "diagnosis").withTrainer(new ExternalTrainer(
        sh("echo \"started in $(pwd), work in $PRODLINE_WORK_DIR\"; exit 1"), start, Map.of(), work.resolve("runs"),
        Duration.ofMinutes(1)));
    assertThatThrownBy(() -> TrainingJob.run(cancer, new TrainingResult.DataSource("mem", "0"), spec))
        .hasMessageContaining("started in " + start.toRealPath() + ", work in " + work.resolve("runs/external-"));
  }

  @Test
  void missingModelIsNamed() {
    assertThatThrownBy(() -> train(sh("echo done"), Map.of(), Duration.ofMinutes(1)))
        .hasMessageContaining("exactly one of model.json and model.onnx").hasMessageContaining("neither")
        .hasMessageContaining("done");
  }

  @Test
  void timeoutStopsTheCommand() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> train(sh("echo start; sleep 30"), Map.of(), Duration.ofMillis(500)))
        .hasMessageContaining("did not finish within PT0.5S").hasMessageContaining("start");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void modelOfTheWrongWidthIsRefused() {
    assertThatThrownBy(() -> train(List.of("python3", SCRIPT.toString()), Map.of("num_feature", 29),
        Duration.ofMinutes(1)))
        .hasMessageContaining("takes 29 features, but the transform produces 30");
  }

  /** An MLP with 30 inputs and one output (prodline-runtime-onnx's test fixture), standing in for a PyTorch export. */
  static final Path MLP = Path.of("../prodline-runtime-onnx/src/test/resources/onnx/mlp.onnx").toAbsolutePath();
  static final Path SOFTMAX3 = Path.of("../prodline-runtime-onnx/src/test/resources/onnx/softmax3.onnx").toAbsolutePath();

  @Test
  void onnxIsLoadedByOnnxRuntimeCheckedAndEvaluatedByProdline() throws Exception {
    TrainingResult r = train(sh("cp '" + MLP + "' \"$PRODLINE_OUTPUT_DIR/model.onnx\"; "
        + "echo '{\"roc_auc\": 0.97}' > \"$PRODLINE_OUTPUT_DIR/metrics.json\""), Map.of(), Duration.ofMinutes(1));
    assertThat(r.model().reportedMetrics()).containsExactly(Map.entry("roc_auc", 0.97));
    assertThat(r.evalPredictions()).hasSize(r.evalRows().rowCount());
    assertThat(r.metrics()).containsKey("roc_auc").containsKey("accuracy");
    Bundle bundle = r.writeBundle(work.resolve("onnx/1"), 1);
    assertThat(bundle.manifest().runtime()).isEqualTo("onnx");
    assertThat(bundle.modelFile().getFileName().toString()).isEqualTo("model.onnx");
    try (io.prodline.core.predict.Predictor served = io.prodline.core.predict.Predictor.load(bundle.directory())) {
      io.prodline.core.predict.Predictions p = served.predict(r.evalRows());
      for (int row = 0; row < p.rows(); row++) {
        assertThat(p.value(row)).isEqualTo(r.evalPredictions()[row]);
      }
    }
  }

  @Test
  void onnxOfTheWrongShapeOrNotOnnxAtAllIsRefused() {
    assertThatThrownBy(() -> train(sh("cp '" + SOFTMAX3 + "' \"$PRODLINE_OUTPUT_DIR/model.onnx\""), Map.of(),
        Duration.ofMinutes(1))).hasMessageContaining("outputs 3 values per row")
        .hasMessageContaining("binary_classification model must output 1 or 2");
    assertThatThrownBy(() -> train(sh("echo hello > \"$PRODLINE_OUTPUT_DIR/model.onnx\""), Map.of(),
        Duration.ofMinutes(1))).hasMessageContaining("prodline cannot load").hasMessageContaining("model.onnx");
  }
}
