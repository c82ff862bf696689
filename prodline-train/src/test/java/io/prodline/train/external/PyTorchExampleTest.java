package io.prodline.train.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prodline.core.bundle.Bundle;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch example ({@code examples/external-trainer/train_mlp.py}) for real, where {@code /usr/bin/python3}
 * imports torch, and skipped elsewhere ({@link ExternalTrainerTest}'s dependency-free scripts cover the contract
 * everywhere): ONNX Runtime's predictions on the eval rows, in training and through the written bundle, equal
 * PyTorch's own, and the model ranks the held-out rows well.
 */
class PyTorchExampleTest {
  static final String PYTHON = "/usr/bin/python3";
  static final Path SCRIPT = Path.of("../examples/external-trainer/train_mlp.py").toAbsolutePath().normalize();
  /** Float32 arithmetic in a different order (ONNX Runtime's kernels, PyTorch's) differs in the last bits. */
  static final double SAME_PROBABILITY = 1e-5;
  /** Measured 0.9858 on this split (examples/external-trainer/README.md), as XGBoost's defaults give. */
  static final double MIN_ROC_AUC = 0.97;

  static Frame cancer;

  @TempDir Path dir;

  @BeforeAll
  static void needsTorch() throws Exception {
    assumeTrue(torchImports(), PYTHON + " cannot import torch (apt-get install python3-torch)");
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancer = csv.readAll();
    }
  }

  private static boolean torchImports() throws Exception {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return false;
    }
    Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return false;
    }
    return p.exitValue() == 0;
  }

  @Test
  void onnxPredictionsEqualPyTorchsOwnAndTheModelRanksHeldOutRowsWell() throws Exception {
    Path torchPredictions = dir.resolve("torch_eval_predictions.txt");
    TrainingSpec spec = TrainingSpec.defaults("cancer_mlp", "diagnosis").withTrainer(new ExternalTrainer(
        List.of(PYTHON, SCRIPT.toString()), Path.of(""),
        Map.of("epochs", 200, "seed", 0, "save_eval_predictions", torchPredictions.toString()), dir.resolve("runs"),
        Duration.ofMinutes(2)));
    TrainingResult r = TrainingJob.run(cancer, new TrainingResult.DataSource("mem", "0"), spec);

    float[] onnx = r.evalPredictions();
    List<String> torch = Files.readAllLines(torchPredictions);
    assertThat(torch).hasSize(r.evalRows().rowCount()).hasSize(onnx.length);
    for (int row = 0; row < onnx.length; row++) {
      assertThat((double) onnx[row]).as("eval row %d", row)
          .isCloseTo(Double.parseDouble(torch.get(row)), within(SAME_PROBABILITY));
    }
    assertThat(r.metrics().get("roc_auc")).isGreaterThan(MIN_ROC_AUC);

    Bundle bundle = r.writeBundle(dir.resolve("cancer_mlp/1"), 1);
    assertThat(bundle.manifest().runtime()).isEqualTo("onnx");
    try (Predictor served = Predictor.load(bundle.directory())) {
      Predictions p = served.predict(r.evalRows());
      for (int row = 0; row < p.rows(); row++) {
        assertThat(p.value(row)).as("served eval row %d", row).isEqualTo(onnx[row]);
      }
    }
  }
}
