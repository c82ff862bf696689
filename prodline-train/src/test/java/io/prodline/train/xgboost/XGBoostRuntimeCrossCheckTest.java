package io.prodline.train.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.runtime.xgboost.XGBoostModelParser;
import io.prodline.core.runtime.xgboost.XGBoostRuntime;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trains real models with native XGBoost on seeded random data with about 20% missing values and checks that the
 * pure-Java {@link XGBoostRuntime}, loaded from the saved JSON and UBJSON, predicts what {@code Booster.predict}
 * predicts, to 1e-6. The maximum differences are printed to the test output.
 */
class XGBoostRuntimeCrossCheckTest {
  private static final int FEATURES = 12;
  private static final int TRAIN_ROWS = 3000;
  private static final int TEST_ROWS = 2000;
  private static final int CLASSES = 4;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("binary:logistic", Map.of("objective", "binary:logistic")),
        Arguments.of("binary:logitraw", Map.of("objective", "binary:logitraw")),
        Arguments.of("reg:logistic", Map.of("objective", "reg:logistic")),
        Arguments.of("multi:softprob", Map.of("objective", "multi:softprob", "num_class", CLASSES)),
        Arguments.of("multi:softmax", Map.of("objective", "multi:softmax", "num_class", CLASSES)),
        Arguments.of("reg:squarederror", Map.of("objective", "reg:squarederror")),
        Arguments.of("reg:absoluteerror", Map.of("objective", "reg:absoluteerror")),
        Arguments.of("reg:pseudohubererror", Map.of("objective", "reg:pseudohubererror")),
        Arguments.of("binary:hinge", Map.of("objective", "binary:hinge")),
        Arguments.of("count:poisson", Map.of("objective", "count:poisson")),
        Arguments.of("reg:gamma", Map.of("objective", "reg:gamma")),
        Arguments.of("reg:tweedie", Map.of("objective", "reg:tweedie")),
        Arguments.of("binary:logistic exact", Map.of("objective", "binary:logistic", "tree_method", "exact")),
        Arguments.of("random forest softprob", Map.of("objective", "multi:softprob", "num_class", CLASSES,
            "num_parallel_tree", 4, "subsample", 0.8, "colsample_bynode", 0.8)),
        Arguments.of("dart binary", Map.of("objective", "binary:logistic", "booster", "dart", "rate_drop", 0.1,
            "skip_drop", 0.0)),
        Arguments.of("gblinear binary", Map.of("objective", "binary:logistic", "booster", "gblinear")),
        Arguments.of("gblinear regression", Map.of("objective", "reg:squarederror", "booster", "gblinear")),
        Arguments.of("gblinear softprob", Map.of("objective", "multi:softprob", "num_class", CLASSES,
            "booster", "gblinear")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void javaRuntimeMatchesNativePredictions(String name, Map<String, Object> extra) throws Exception {
    Random random = new Random(42);
    float[] train = features(random, TRAIN_ROWS);
    float[] test = features(random, TEST_ROWS);
    String objective = (String) extra.get("objective");
    DMatrix dtrain = new DMatrix(train, TRAIN_ROWS, FEATURES, Float.NaN);
    dtrain.setLabel(labels(train, TRAIN_ROWS, objective, random));
    Map<String, Object> params = new HashMap<>(Map.of("max_depth", 6, "eta", 0.3, "seed", 7, "nthread", 2));
    params.putAll(extra);
    Booster booster = XGBoost.train(dtrain, params, 60, Map.of(), null, null);

    DMatrix dtest = new DMatrix(test, TEST_ROWS, FEATURES, Float.NaN);
    float[][] expected = booster.predict(dtest);
    for (String format : new String[] {"json", "ubj"}) {
      XGBoostRuntime runtime = XGBoostModelParser.parse(booster.toByteArray(format), name + "." + format);
      assertThat(runtime.inputWidth()).isEqualTo(FEATURES);
      assertThat(runtime.outputWidth()).isEqualTo(expected[0].length);
      float[] actual = runtime.predict(test, TEST_ROWS);
      double maxDiff = 0;
      int differing = 0;
      int width = runtime.outputWidth();
      for (int r = 0; r < TEST_ROWS; r++) {
        for (int k = 0; k < width; k++) {
          double diff = Math.abs(actual[r * width + k] - expected[r][k]);
          maxDiff = Math.max(maxDiff, diff);
          differing += diff == 0 ? 0 : 1;
        }
      }
      System.out.printf("%-24s %-4s max abs diff %.3g, %d of %d outputs differ%n", name, format, maxDiff,
          differing, TEST_ROWS * width);
      assertThat(maxDiff).as("%s (%s) max abs diff", name, format).isLessThanOrEqualTo(1e-6);
    }
    dtrain.dispose();
    dtest.dispose();
    booster.dispose();
  }

  @Test
  void loadsSavedFileAndOneRowPredictAllocatesOnlyItsOutput(@TempDir Path dir) throws Exception {
    Random random = new Random(3);
    float[] train = features(random, TRAIN_ROWS);
    DMatrix dtrain = new DMatrix(train, TRAIN_ROWS, FEATURES, Float.NaN);
    dtrain.setLabel(labels(train, TRAIN_ROWS, "binary:logistic", random));
    Booster booster = XGBoost.train(dtrain, Map.of("objective", "binary:logistic", "max_depth", 6), 50, Map.of(),
        null, null);
    Path file = dir.resolve("model.json");
    booster.saveModel(file.toString());
    XGBoostRuntime runtime = XGBoostModelParser.parse(file);
    float[] row = new float[FEATURES];
    System.arraycopy(train, 0, row, 0, FEATURES);
    float expected = booster.predict(new DMatrix(row, 1, FEATURES, Float.NaN))[0][0];
    assertThat(runtime.predict(row, 1)[0]).isEqualTo(expected);

    // Design check, not asserted (JIT and escape analysis vary): a 1-row predict allocates only a float[1].
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < 20_000; i++) {
      runtime.predict(row, 1);
    }
    int calls = 10_000;
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      runtime.predict(row, 1);
    }
    long perCall = (threads.getThreadAllocatedBytes(id) - before) / calls;
    System.out.printf("1-row predict allocates ~%d bytes per call (a float[1] is 16-24 bytes)%n", perCall);
    dtrain.dispose();
    booster.dispose();
  }

  /** Uniform values in [-2, 2) rounded to a 1/64 grid (so many rows sit exactly on split values), ~20% NaN. */
  private static float[] features(Random random, int rows) {
    float[] x = new float[rows * FEATURES];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble() < 0.2 ? Float.NaN : Math.round((random.nextFloat() * 4 - 2) * 64) / 64f;
    }
    return x;
  }

  private static float[] labels(float[] x, int rows, String objective, Random random) {
    float[] y = new float[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int f = 0; f < 4; f++) {
        float v = x[r * FEATURES + f];
        s += Float.isNaN(v) ? 0.3 : v * (f + 1) * (f % 2 == 0 ? 1 : -1);
      }
      s += random.nextGaussian();
      y[r] = switch (objective) {
        case "binary:logistic", "binary:logitraw", "reg:logistic", "binary:hinge" -> s > 0 ? 1 : 0;
        case "multi:softprob", "multi:softmax" -> (float) Math.floorMod((int) Math.floor(s), CLASSES);
        case "count:poisson" -> (float) Math.floor(Math.exp(s / 4));
        case "reg:gamma", "reg:tweedie" -> (float) Math.exp(s / 4);
        default -> (float) s;
      };
    }
    return y;
  }
}
