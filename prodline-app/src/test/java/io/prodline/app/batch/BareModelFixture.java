package io.prodline.app.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Test data for batch prediction: a CSV of {@code rows} rows (an {@code id}, five features a..e with some missing,
 * a text column) and bare XGBoost models trained on it by native XGBoost and saved as {@code model.json}.
 */
public final class BareModelFixture {
  public static final String[] FEATURES = {"a", "b", "c", "d", "e"};

  private BareModelFixture() {}

  /** Writes the CSV; row r has id {@code 1000 + r}. */
  public static Path csv(Path file, int rows) throws Exception {
    Random random = new Random(5);
    StringBuilder text = new StringBuilder("id,a,b,c,d,e,segment\n");
    for (int r = 0; r < rows; r++) {
      text.append(1000 + r);
      for (int f = 0; f < FEATURES.length; f++) {
        text.append(',');
        if (random.nextDouble() >= 0.05) {
          text.append(String.format(Locale.ROOT, "%.4f", random.nextGaussian()));
        }
      }
      text.append(r % 3 == 0 ? ",\"north, east\"\n" : ",south\n");
    }
    Files.writeString(file, text);
    return file;
  }

  /** A bare model directory holding {@code model.json} for {@code objective} (3 classes for multi:softprob). */
  public static Path model(Path dir, String objective) throws Exception {
    int rows = 500;
    Random random = new Random(9);
    float[] x = new float[rows * FEATURES.length];
    float[] y = new float[rows];
    for (int r = 0; r < rows; r++) {
      for (int f = 0; f < FEATURES.length; f++) {
        x[r * FEATURES.length + f] = (float) random.nextGaussian();
      }
      double s = x[r * FEATURES.length] - 0.7 * x[r * FEATURES.length + 1] + 0.3 * random.nextGaussian();
      y[r] = objective.startsWith("multi") ? (s < -0.5 ? 0 : s < 0.5 ? 1 : 2) : objective.startsWith("binary")
          ? (s > 0 ? 1 : 0) : (float) s;
    }
    DMatrix data = new DMatrix(x, rows, FEATURES.length, Float.NaN);
    data.setLabel(y);
    data.setFeatureNames(FEATURES);
    Map<String, Object> params = new HashMap<>(Map.of("objective", objective, "max_depth", 4, "seed", 1));
    if (objective.startsWith("multi")) {
      params.put("num_class", 3);
    }
    Booster booster = XGBoost.train(data, params, 15, Map.of(), null, null);
    Path version = Files.createDirectories(dir.resolve("1"));
    booster.saveModel(version.resolve("model.json").toString());
    booster.dispose();
    data.dispose();
    return version;
  }
}
