package io.prodline.train.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.predict.Predictions;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Models saved by native XGBoost with {@code Booster.saveModel} to {@code model.json} / {@code model.ubj}, alone in a
 * version directory, load as bundles and predict what {@code Booster.predict} predicts, to 1e-6.
 */
class BareXGBoostModelTest {
  private static final int FEATURES = 5;
  private static final int ROWS = 400;

  @ParameterizedTest(name = "{0} {1} named={2}")
  @CsvSource({
      "binary:logistic, json, false", "binary:logistic, ubj, true",
      "multi:softprob, json, true", "multi:softprob, ubj, false",
      "reg:squarederror, json, false", "reg:squarederror, ubj, true"})
  void bareModelPredictsWhatTheBoosterPredicts(String objective, String format, boolean named,
      @TempDir Path dir)
      throws Exception {
    Random random = new Random(11);
    float[] x = new float[ROWS * FEATURES];
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int f = 0; f < FEATURES; f++) {
        x[r * FEATURES + f] = random.nextDouble() < 0.1 ? Float.NaN : (float) random.nextGaussian();
      }
      double s = valueOr0(x[r * FEATURES]) - 0.5 * valueOr0(x[r * FEATURES + 1]);
      y[r] = switch (objective) {
        case "binary:logistic" -> s > 0 ? 1 : 0;
        case "multi:softprob" -> (float) Math.floorMod((int) Math.floor(s * 2), 3);
        default -> (float) s;
      };
    }
    DMatrix data = new DMatrix(x, ROWS, FEATURES, Float.NaN);
    data.setLabel(y);
    List<String> names = List.of("age", "income", "tenure", "visits", "score");
    if (named) {
      data.setFeatureNames(names.toArray(String[]::new));
    }
    Map<String, Object> params = new HashMap<>(Map.of("objective", objective, "max_depth", 4, "seed", 1));
    if (objective.startsWith("multi")) {
      params.put("num_class", 3);
    }
    Booster booster = XGBoost.train(data, params, 20, Map.of(), null, null);
    Path version = Files.createDirectories(dir.resolve("bare/3"));
    booster.saveModel(version.resolve("model." + format).toString());
    float[][] expected = booster.predict(data);

    Bundle bundle = BundleReader.read(version);
    List<String> inputs = bundle.manifest().inputs().stream().map(Field::name).toList();
    assertThat(inputs).isEqualTo(named ? names : List.of("f0", "f1", "f2", "f3", "f4"));
    assertThat(bundle.tensors()).isEqualTo(new TensorNames("input__0", "output__0", false));
    assertThat(bundle.manifest().task()).isEqualTo(switch (objective) {
      case "binary:logistic" -> Task.BINARY_CLASSIFICATION;
      case "multi:softprob" -> Task.MULTICLASS_CLASSIFICATION;
      default -> Task.REGRESSION;
    });
    if (objective.startsWith("multi")) {
      assertThat(bundle.manifest().classes()).containsExactly("0", "1", "2");
    }
    try (Predictor predictor = Predictor.of(bundle)) {
      Predictions out = predictor.predict(frame(x, inputs));
      for (int r = 0; r < ROWS; r++) {
        for (int k = 0; k < out.width(); k++) {
          assertThat((double) out.row(r)[k]).as("row %d output %d", r, k)
              .isCloseTo(expected[r][k], org.assertj.core.data.Offset.offset(1e-6));
        }
      }
    }
    data.dispose();
    booster.dispose();
  }

  /**
   * Categorical features (feature type "c") split by category sets (max_cat_to_onehot 1) and one-hot (a category
   * against the rest, max_cat_to_onehot 64), with missing values, and scored on values XGBoost reads as no category
   * (negative, fractions truncated, categories never seen in training) as well as the trained ones.
   */
  @ParameterizedTest(name = "max_cat_to_onehot={0} {1}")
  @CsvSource({"1, json", "1, ubj", "64, json"})
  void categoricalSplitsPredictWhatTheBoosterPredicts(int maxCatToOnehot, String format, @TempDir Path dir)
      throws Exception {
    Random random = new Random(5);
    float[] x = new float[ROWS * FEATURES];
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int f = 0; f < FEATURES; f++) {
        boolean categorical = f < 2;
        x[r * FEATURES + f] = random.nextDouble() < 0.1 ? Float.NaN
            : categorical ? random.nextInt(f == 0 ? 12 : 90) : (float) random.nextGaussian();
      }
      float category = x[r * FEATURES];
      y[r] = (float) ((category == 2 || category == 5 || category == 7 ? 1 : 0) + 0.01 * valueOr0(x[r * FEATURES + 1])
          + 0.3 * valueOr0(x[r * FEATURES + 2]));
    }
    DMatrix data = new DMatrix(x, ROWS, FEATURES, Float.NaN);
    data.setLabel(y);
    data.setFeatureTypes(new String[] {"c", "c", "q", "q", "q"});
    Map<String, Object> params = new HashMap<>(Map.of("objective", "reg:squarederror", "max_depth", 4, "seed", 1,
        "tree_method", "hist", "max_cat_to_onehot", maxCatToOnehot));
    Booster booster = XGBoost.train(data, params, 20, Map.of(), null, null);
    Path version = Files.createDirectories(dir.resolve("bare/1"));
    booster.saveModel(version.resolve("model." + format).toString());

    float[] scored = x.clone();
    float[] unseen = {-1, -0.5f, 2.7f, 11.999f, 12, 95, 1e9f, 16777216};
    for (int r = 0; r < ROWS; r += 5) {
      scored[r * FEATURES + (r % 2)] = unseen[(r / 5) % unseen.length];
    }
    DMatrix scoring = new DMatrix(scored, ROWS, FEATURES, Float.NaN);
    scoring.setFeatureTypes(new String[] {"c", "c", "q", "q", "q"});
    float[][] expected = booster.predict(scoring);

    Bundle bundle = BundleReader.read(version);
    if (format.equals("json")) {
      assertThat(Files.readString(version.resolve("model.json"))).as("the model has categorical splits")
          .containsPattern("\"categories_nodes\":\\[\\d");
    }
    List<String> inputs = bundle.manifest().inputs().stream().map(Field::name).toList();
    try (Predictor predictor = Predictor.of(bundle)) {
      Predictions out = predictor.predict(frame(scored, inputs));
      for (int r = 0; r < ROWS; r++) {
        assertThat((double) out.row(r)[0]).as("row %d", r)
            .isCloseTo(expected[r][0], org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    scoring.dispose();
    data.dispose();
    booster.dispose();
  }

  private static double valueOr0(float v) {
    return Float.isNaN(v) ? 0 : v;
  }

  private static Frame frame(float[] x, List<String> names) {
    List<Column> columns = new ArrayList<>();
    for (int f = 0; f < FEATURES; f++) {
      double[] values = new double[ROWS];
      for (int r = 0; r < ROWS; r++) {
        values[r] = x[r * FEATURES + f];
      }
      columns.add(Float64Column.of(values));
    }
    return Frame.of(names, columns);
  }
}
