package io.prodline.train.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.bundle.Task;
import io.prodline.core.runtime.xgboost.XGBoostModelParser;
import io.prodline.train.trainer.ClassWeights;
import io.prodline.train.trainer.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XGBoost trainer's options, on seeded synthetic data where the right answer is known. */
class XGBoostTrainerTest {
  private static final List<String> NAMES = List.of("signal", "noise", "weak");

  /** y = 1 with probability sigmoid(3 * signal + 0.5 * weak + shift); noise is unrelated to y. */
  static TrainingData data(int trainRows, int evalRows, double shift) {
    Random random = new Random(11);
    float[][] x = {new float[trainRows * 3], new float[evalRows * 3]};
    float[][] y = {new float[trainRows], new float[evalRows]};
    for (int side = 0; side < 2; side++) {
      for (int row = 0; row < y[side].length; row++) {
        double signal = random.nextGaussian();
        double weak = random.nextGaussian();
        x[side][row * 3] = (float) signal;
        x[side][row * 3 + 1] = (float) random.nextGaussian();
        x[side][row * 3 + 2] = (float) weak;
        double p = 1 / (1 + Math.exp(-(3 * signal + 0.5 * weak + shift)));
        y[side][row] = random.nextDouble() < p ? 1 : 0;
      }
    }
    return new TrainingData(Task.BINARY_CLASSIFICATION, List.of("no", "yes"), NAMES, 3, x[0], y[0], x[1], y[1]);
  }

  private static XGBoostParams params(Map<String, Object> values) {
    return XGBoostParams.fromMap(values);
  }

  @Test
  void earlyStoppingKeepsTheBestRoundAndRecordsTheCurves() {
    TrainingData d = data(400, 400, 0);
    XGBoostModel m = new XGBoostTrainer(params(Map.of("rounds", 500, "eta", 0.5, "max_depth", 6,
        "early_stopping_rounds", 10))).fit(d);
    var curves = m.learningCurves();
    assertThat(curves.metric()).isEqualTo("logloss");
    assertThat(curves.bestIteration()).isNotNull().isLessThan(100);
    // Training ran exactly 10 rounds past the best, and the best is the minimum of the eval curve.
    assertThat(curves.eval()).hasSize(curves.bestIteration() + 11).hasSameSizeAs(curves.train());
    double best = curves.eval().get(curves.bestIteration());
    assertThat(curves.eval()).allSatisfy(v -> assertThat(v).isGreaterThanOrEqualTo(best));
    assertThat(curves.train().get(curves.train().size() - 1)).isLessThan(curves.train().get(0));
    assertThat(m.booster()).satisfies(b -> assertThat(b.getNumBoostedRound()).isEqualTo(curves.bestIteration() + 1));
  }

  @Test
  void withoutEarlyStoppingEveryRoundIsKept() throws Exception {
    XGBoostModel m = new XGBoostTrainer(params(Map.of("rounds", 15))).fit(data(300, 100, 0));
    assertThat(m.learningCurves().bestIteration()).isNull();
    assertThat(m.learningCurves().eval()).hasSize(15);
    assertThat(m.booster().getNumBoostedRound()).isEqualTo(15);
  }

  @Test
  void featureImportanceIsTotalGainByNameLargestFirst() {
    XGBoostModel m = new XGBoostTrainer(params(Map.of("rounds", 20))).fit(data(1000, 100, 0));
    assertThat(m.featureImportance().keySet()).first().isEqualTo("signal");
    assertThat(m.featureImportance().keySet()).isSubsetOf(NAMES);
    assertThat(m.featureImportance().get("signal")).isGreaterThan(5 * m.featureImportance().get("noise"));
  }

  @Test
  void balancedClassWeightsRaiseTheRareClassesProbability() {
    TrainingData rare = data(2000, 500, -3.5); // about 1 in 7 positive
    float[] plain = predict(new XGBoostTrainer(params(Map.of("rounds", 20))).fit(rare), rare);
    float[] weighted = predict(new XGBoostTrainer(params(Map.of("rounds", 20, "class_weight", "balanced")))
        .fit(rare), rare);
    double positives = 0;
    for (float t : rare.evalTargets()) {
      positives += t;
    }
    assertThat(positives / rare.evalRows()).isBetween(0.05, 0.2);
    assertThat(mean(plain)).isLessThan(0.25);
    assertThat(mean(weighted)).isGreaterThan(mean(plain) + 0.05);
  }

  @Test
  void gblinearIsALogisticRegressionThePureJavaRuntimeReproduces(@TempDir Path dir) throws Exception {
    TrainingData d = data(1000, 200, 0);
    XGBoostModel m = new XGBoostTrainer(params(Map.of("booster", "gblinear", "rounds", 50))).fit(d);
    assertThat(m.featureImportance()).isEmpty();
    Path file = dir.resolve("model.json");
    m.writeModel(file);
    float[] java = XGBoostModelParser.parse(file).predict(d.evalFeatures(), d.evalRows());
    float[] xgb = predict(m, d);
    for (int i = 0; i < xgb.length; i++) {
      assertThat(java[i]).isCloseTo(xgb[i], org.assertj.core.data.Offset.offset(1e-6f));
    }
    // A linear model separates this linear problem: ranking beats a coin by far.
    assertThat(io.prodline.train.metrics.Metrics.binary(xgb, d.evalTargets()).get("roc_auc")).isGreaterThan(0.85);
  }

  @Test
  void unknownOrBadParametersAreNamed() {
    assertThatThrownBy(() -> XGBoostParams.fromMap(Map.of("max_dept", 3))).hasMessageContaining("max_dept")
        .hasMessageContaining("max_depth");
    assertThatThrownBy(() -> XGBoostParams.fromMap(Map.of("booster", "dart"))).hasMessageContaining("gbtree or gblinear");
    assertThatThrownBy(() -> XGBoostParams.fromMap(Map.of("max_depth", "4.5"))).hasMessageContaining("whole number");
    assertThat(XGBoostParams.fromMap(Map.of("eta", "0.05", "class_weight", "balanced")).describe())
        .containsEntry("eta", "0.05").containsEntry("class_weight", "balanced");
    assertThat(XGBoostParams.fromMap(Map.of()).classWeights()).isEqualTo(ClassWeights.NONE);
  }

  private static float[] predict(XGBoostModel m, TrainingData d) {
    return m.predict(d.evalFeatures(), d.evalRows()).orElseThrow();
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }
}
