package io.prodline.train.xgboost;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import java.util.Map;

/** Trains gradient-boosted trees with XGBoost (through XGBoost4J) on an encoded float matrix. */
public final class XGBoostTrainer {
  private final XGBoostParams params;

  public XGBoostTrainer(XGBoostParams params) {
    this.params = params;
  }

  public XGBoostParams params() {
    return params;
  }

  /**
   * @param features row-major {@code rows * width} model inputs, NaN for missing
   * @param target class index (classification) or value (regression) per row
   * @param classes number of classes, ignored for regression
   */
  public Booster train(float[] features, int rows, int width, float[] target, Task task, int classes) {
    Map<String, Object> p = params.toBoosterParams();
    switch (task) {
      case BINARY_CLASSIFICATION -> {
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
      }
      case MULTICLASS_CLASSIFICATION -> {
        p.put("objective", "multi:softprob");
        p.put("num_class", classes);
        p.put("eval_metric", "mlogloss");
      }
      case REGRESSION -> {
        p.put("objective", "reg:squarederror");
        p.put("eval_metric", "rmse");
      }
    }
    DMatrix train = null;
    try {
      train = matrix(features, rows, width);
      train.setLabel(target);
      return XGBoost.train(train, p, params.rounds(), Map.of(), null, null);
    } catch (XGBoostError e) {
      throw new ProdlineException("XGBoost could not train: " + e.getMessage(), e);
    } finally {
      if (train != null) {
        train.dispose();
      }
    }
  }

  /** Predictions of a booster, row-major, as XGBoost computes them (the reference for prodline's own runtime). */
  public static float[] predict(Booster booster, float[] features, int rows, int width) {
    DMatrix m = null;
    try {
      m = matrix(features, rows, width);
      float[][] out = booster.predict(m);
      int outWidth = out.length == 0 ? 0 : out[0].length;
      float[] flat = new float[rows * outWidth];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(out[r], 0, flat, r * outWidth, outWidth);
      }
      return flat;
    } catch (XGBoostError e) {
      throw new ProdlineException("XGBoost could not predict: " + e.getMessage(), e);
    } finally {
      if (m != null) {
        m.dispose();
      }
    }
  }

  /** The booster in XGBoost's JSON model format, as {@code Booster.save_model("model.json")} writes it. */
  public static byte[] toJson(Booster booster) {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new ProdlineException("XGBoost could not save the model: " + e.getMessage(), e);
    }
  }

  private static DMatrix matrix(float[] features, int rows, int width) throws XGBoostError {
    return new DMatrix(features, rows, width, Float.NaN);
  }
}
