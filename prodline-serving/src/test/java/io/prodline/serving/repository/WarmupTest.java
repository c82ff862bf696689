package io.prodline.serving.repository;

import static io.prodline.serving.testing.TestBundles.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.predict.Predictor;
import io.prodline.serving.testing.ExternalProcess;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestBundles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warm-up files: one body, an array of bodies or JSON lines, each run in turn; and a bare model's tensor names. */
class WarmupTest {
  private static final WarmupSettings TWICE = new WarmupSettings(0, 2);

  @TempDir
  Path root;
  private Path version;

  @BeforeEach
  void writeModel() {
    // A gate model counts its predictions in GATE_PASSED; the gate is open, so none waits.
    LinearTestRuntimeProvider.GATE = new CountDownLatch(0);
    version = TestBundles.write(root, "m", 1, Task.REGRESSION, List.of(),
        List.of(field("x", ColumnType.FLOAT64), field("city", ColumnType.STRING)), "gate\n1 1\n");
  }

  /** Runs the warm-up of {@link #version}; returns the predictions the model made. */
  private int predictionsMade(WarmupSettings settings) {
    try (Predictor predictor = Predictor.load(version)) {
      int before = LinearTestRuntimeProvider.GATE_PASSED.get();
      int counted = Warmup.run(predictor, version, settings);
      int made = LinearTestRuntimeProvider.GATE_PASSED.get() - before;
      assertThat(counted).isEqualTo(made);
      return made;
    }
  }

  private void write(String file, String content) throws Exception {
    Files.writeString(version.resolve(file), content);
  }

  @Test
  void aStoppingServerInterruptsAWarmUpWhichIsGivenUpNotRunToItsEnd() throws Exception {
    write("warmup.json", "{\"instances\": [[1, \"a\"]]}");
    Thread.currentThread().interrupt(); // as ModelRepository.close interrupts its scan
    try (Predictor predictor = Predictor.load(version)) {
      assertThatThrownBy(() -> Warmup.run(predictor, version, new WarmupSettings(0, 10_000)))
          .isInstanceOf(ProdlineException.class)
          .hasMessage("warm-up given up after 0 runs of " + version.resolve("warmup.json")
              + ": the server is stopping");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void runsOneBodyOrEachBodyOfAnArrayOrOfJsonLines() throws Exception {
    write("warmup.json", "{\"instances\": [[1, \"a\"], [2, \"b\"]]}");
    assertThat(predictionsMade(TWICE)).isEqualTo(2);

    write("warmup.json", "[{\"instances\": [[1, \"a\"]]},\n {\"inputs\": {\"x\": [2], \"city\": [\"b\"]}},"
        + " {\"instances\": [{\"x\": 3, \"city\": \"c\"}]}]");
    assertThat(predictionsMade(TWICE)).isEqualTo(6);

    Files.delete(version.resolve("warmup.json"));
    write("warmup.jsonl", "{\"instances\": [[1, \"a\"]]}\r\n\n  \n{\"instances\": [[2, \"b\"]]}\n");
    assertThat(predictionsMade(TWICE)).isEqualTo(4);
  }

  @Test
  void eachRequestIsNamedByItsPlaceWhenItIsWrong() throws Exception {
    write("warmup.json", "[{\"instances\": [[1, \"a\"]]}, {\"instances\": [{\"y\": 1}]}]");
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessage(version.resolve("warmup.json") + " request 2 is not a valid predict request: instance 0 has "
            + "unknown feature 'y'; the model takes [x, city]");

    write("warmup.json", "[{\"instances\": [[1, \"a\"]]}, [1, \"a\"]]");
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version.resolve("warmup.json") + " request 2 is "
        + "not a JSON object; each element of the array must be a predict body such as {\"instances\": [...]}");

    write("warmup.json", "[{\"instances\": [[1, \"a\"]]}] x");
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version.resolve("warmup.json") + " is neither a "
        + "predict body nor an array of them: malformed JSON at line 1, column 29: unexpected 'x'");

    Files.write(version.resolve("warmup.json"), "[{\"instances\": [[1, \"a\"]]}]"
        .getBytes(StandardCharsets.UTF_16LE));
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version.resolve("warmup.json") + ": the JSON is "
        + "encoded as UTF-16 or UTF-32 (it starts with a byte-order mark or a zero byte); send it encoded as UTF-8");

    write("warmup.json", "[]");
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version.resolve("warmup.json") + " holds no "
        + "request; give at least one predict body or remove the file");

    Files.delete(version.resolve("warmup.json"));
    write("warmup.jsonl", "{\"instances\": [[1, \"a\"]]}\n\n{\"instances\": [[1, 2]]}\n");
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version.resolve("warmup.jsonl") + " line 3 is not "
        + "a valid predict request: instance 0: feature 'city' must be a string but got the number 2");

    write("warmup.json", "{\"instances\": [[1, \"a\"]]}");
    assertThatThrownBy(() -> predictionsMade(TWICE)).hasMessage(version + " has the warm-up files "
        + "warmup.json and warmup.jsonl; keep one of them");
  }

  /** The owner's file may hold NaN and infinities whatever NaN policy clients meet. */
  @Test
  void takesNaNAndInfinitiesAsWritten() throws Exception {
    write("warmup.json", "{\"instances\": [[NaN, \"a\"], [Infinity, \"b\"], [-Infinity, null]]}");
    assertThat(predictionsMade(TWICE)).isEqualTo(2);
  }

  @Test
  void aBareOnnxModelsWarmupMayNameTheGraphsInputTensor() throws Exception {
    Path onnx = Files.createDirectories(root.resolve("mlp/1"));
    Files.copy(Path.of("../prodline-runtime-onnx/src/test/resources/onnx/mlp.onnx"), onnx.resolve("model.onnx"));
    String features = String.join(", ", Collections.nCopies(30, "0.5"));
    Files.writeString(onnx.resolve("warmup.json"), "[{\"instances\": [{\"features\": [" + features + "]}]}, "
        + "{\"inputs\": {\"features\": [[" + features + "], [" + features + "]]}}]");
    try (ModelRepository repository = ModelRepository.scan(root)) {
      assertThat(repository.snapshot().model("mlp").statuses().get(0).error()).isNull();
      assertThat(repository.snapshot().model("mlp").defaultVersion()).hasValue(1);
    }

    // The warm-up is really read: a tensor the graph does not have fails the load, naming the request.
    Files.writeString(onnx.resolve("warmup.json"), "{\"instances\": [{\"nope\": [" + features + "]}]}");
    try (ModelRepository repository = ModelRepository.scan(root)) {
      assertThat(repository.snapshot().model("mlp").statuses().get(0).error())
          .contains("warmup.json").contains("unknown feature 'nope'");
      assertThat(repository.snapshot().model("mlp").defaultVersion()).isEmpty();
    }
  }

  /** Has Python write TF Serving's warm-up file into the version, with tensorflow-serving-api's messages. */
  private Path tfServingWarmup(String... damage) throws Exception {
    Path file = version.resolve(Warmup.TF_SERVING);
    ExternalProcess.runPythonGrpcClient("tf_warmup_writer.py", file.toString(), damage);
    return file;
  }

  @Test
  void replaysEachRecordOfATfServingWarmupFile() throws Exception {
    tfServingWarmup();
    // A predict log of two rows and a classify log of one example, each run twice: four model calls.
    assertThat(predictionsMade(TWICE)).isEqualTo(4);
  }

  @Test
  void aDamagedOrTruncatedTfServingWarmupFileFailsTheLoadNamingTheRecord() throws Exception {
    Path file = tfServingWarmup("damaged");
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(file + " record 2 (at byte ")
        .hasMessageEndingWith(") is damaged: its data's checksum does not match");
    tfServingWarmup("truncated");
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(file + " record 2 (at byte ").hasMessageEndingWith("the file is truncated");
  }

  @Test
  void aTfServingWarmupFileMustHoldRequestsAndBeTheOnlyWarmupFile() throws Exception {
    Path file = version.resolve(Warmup.TF_SERVING);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessage(file + " holds no record; write at least one PredictionLog or remove the file");
    Files.write(file, "{\"instances\": [[1, \"a\"]]}".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessageContaining(file + " record 1 (at byte 0) has a damaged length");
    write("warmup.json", "{\"instances\": [[1, \"a\"]]}");
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessage(version + " has the warm-up files " + Warmup.TF_SERVING + " and warmup.json; keep one of them");
  }

  @Test
  void aWarmupNameThatIsNoFileFailsTheLoadRatherThanBeIgnored() throws Exception {
    Path folder = Files.createDirectories(version.resolve("warmup.json"));
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessage(folder + " is not a file; the warm-up requests go in a file of that name");
  }

  @Test
  void anOpenInferenceBodyIsToldApartFromABrokenPredictBody() throws Exception {
    write("warmup.json", "{\"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [1]}]}");
    assertThatThrownBy(() -> predictionsMade(TWICE)).isInstanceOf(ProdlineException.class)
        .hasMessageStartingWith(version.resolve("warmup.json") + " is not a valid predict request: ")
        .hasMessageEndingWith("; it reads as an Open Inference (v2) body, and warm-up takes TF Serving predict bodies "
            + "({\"instances\": [...]} or {\"inputs\": {...}})");
  }
}
