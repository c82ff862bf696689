package io.prodline.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictor;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.train.split.StratifiedSplit;
import io.prodline.train.xgboost.XGBoostParams;
import io.prodline.train.xgboost.XGBoostTrainer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that prodline trains as well as Python's xgboost: on breast_cancer with an 80/20 stratified split,
 * seed 42, default parameters (100 rounds, hist, max_depth 6, eta 0.3), and that the bundle predicts what the
 * booster predicts. The numbers are recorded in docs/benchmarks.md.
 */
class XGBoostParityTest {
  /**
   * Test ROC-AUC of Python's xgboost 1.7.4 (Debian python3-xgboost) with the same split and parameters, printed by
   * {@code /usr/bin/python3 bench/xgboost_parity.py}, which re-implements the stratified split row for row.
   */
  static final double PYTHON_XGBOOST_TEST_ROC_AUC = 0.994970;
  static final long SEED = 42;

  @Test
  void rocAucMatchesPythonXGBoostAndTheBundlePredictsWhatTheBoosterPredicts(@TempDir Path dir) throws Exception {
    Frame cancer;
    try (CsvSource csv = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      cancer = csv.readAll();
    }
    TrainingSpec spec = new TrainingSpec("cancer", "diagnosis", null, 0.2, null, SEED, true,
        new XGBoostTrainer(XGBoostParams.defaults()), null);
    TrainingResult r = TrainingJob.run(cancer, new TrainingResult.DataSource("breast_cancer.csv", "0"), spec);
    double auc = r.metrics().get("roc_auc");
    System.out.printf("prodline XGBoost test ROC-AUC %.6f on %d train / %d test rows%n", auc,
        r.trainRows().rowCount(), r.evalRows().rowCount());
    assertThat(r.trainRows().rowCount()).isEqualTo(456);
    assertThat(r.evalRows().rowCount()).isEqualTo(113);
    // The script prints the first test rows of its split; the same rows prove the split is the same.
    float[] classes = r.labels().encode(cancer.column("diagnosis"));
    assertThat(new StratifiedSplit(0.2, SEED).split(classes).evalRows()).startsWith(0, 4, 9, 15, 19);
    assertThat(auc).isGreaterThanOrEqualTo(PYTHON_XGBOOST_TEST_ROC_AUC - 0.005);

    Bundle bundle = r.writeBundle(dir.resolve("cancer/1"), 1);
    try (Predictor predictor = Predictor.of(bundle)) {
      float[] served = predictor.predict(r.evalRows()).values();
      float[] booster = r.evalPredictions();
      assertThat(served).hasSameSizeAs(booster);
      for (int i = 0; i < booster.length; i++) {
        assertThat(Math.abs(served[i] - booster[i])).as("row %d", i).isLessThanOrEqualTo(1e-6f);
      }
    }
  }
}
