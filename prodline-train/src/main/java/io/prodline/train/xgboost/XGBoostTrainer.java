package io.prodline.train.xgboost;

import io.prodline.core.bundle.LearningCurves;
import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.runtime.xgboost.XGBoostRuntimeProvider;
import io.prodline.train.trainer.Trainer;
import io.prodline.train.trainer.TrainingData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains gradient-boosted trees or a linear model with XGBoost (through XGBoost4J), watching the eval rows every
 * round for the learning curves and, when asked, for early stopping.
 *
 * <p>When early stopping fires, XGBoost has already grown the rounds after the best one; the model is then trained
 * again for exactly {@code best + 1} rounds (same seed, so the same trees) so that the bundle holds the model that
 * was judged best and every runtime predicts with the same rounds.
 */
public final class XGBoostTrainer implements Trainer {
  private final XGBoostParams params;

  public XGBoostTrainer(XGBoostParams params) {
    this.params = params;
  }

  public XGBoostParams params() {
    return params;
  }

  @Override
  public String name() {
    return XGBoostRuntimeProvider.NAME;
  }

  @Override
  public Map<String, String> parameters() {
    return params.describe();
  }

  @Override
  public XGBoostModel fit(TrainingData data) {
    Map<String, Object> p = params.toBoosterParams();
    String metric = objective(p, data.task(), data.classes().size());
    DMatrix train = null;
    DMatrix eval = null;
    try {
      train = matrix(data.trainFeatures(), data.trainRows(), data.width());
      train.setLabel(data.trainTargets());
      float[] weights = params.classWeights().weights(data.trainTargets(), data.classes());
      if (weights != null) {
        train.setWeight(weights);
      }
      eval = matrix(data.evalFeatures(), data.evalRows(), data.width());
      eval.setLabel(data.evalTargets());
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("train", train);
      watches.put("eval", eval); // last: XGBoost4J stops early on the last watch
      float[][] curves = new float[2][params.rounds()];
      Booster booster = XGBoost.train(train, p, params.rounds(), watches, curves, null, null,
          params.earlyStoppingRounds());
      int grown = booster.getNumBoostedRound();
      Integer best = null;
      if (params.earlyStoppingRounds() > 0 && grown < params.rounds()) {
        best = Integer.parseInt(booster.getAttr("best_iteration"));
        booster.dispose();
        booster = XGBoost.train(train, p, best + 1, Map.of(), null, null);
      }
      LearningCurves learning = new LearningCurves(metric, values(curves[0], grown), values(curves[1], grown), best);
      return new XGBoostModel(booster, learning, importance(booster, data.featureNames()));
    } catch (XGBoostError e) {
      throw new ProdlineException("XGBoost could not train: " + e.getMessage(), e);
    } finally {
      if (train != null) {
        train.dispose();
      }
      if (eval != null) {
        eval.dispose();
      }
    }
  }

  /** Sets the objective for the task and returns the metric watched each round. */
  private static String objective(Map<String, Object> p, Task task, int classes) {
    String metric = switch (task) {
      case BINARY_CLASSIFICATION -> {
        p.put("objective", "binary:logistic");
        yield "logloss";
      }
      case MULTICLASS_CLASSIFICATION -> {
        p.put("objective", "multi:softprob");
        p.put("num_class", classes);
        yield "mlogloss";
      }
      case REGRESSION -> {
        p.put("objective", "reg:squarederror");
        yield "rmse";
      }
    };
    p.put("eval_metric", metric);
    return metric;
  }

  private static List<Double> values(float[] perRound, int rounds) {
    List<Double> out = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      out.add((double) perRound[r]);
    }
    return out;
  }

  /** Total gain per input, by name, largest first; inputs never split on are absent (gblinear: none). */
  private Map<String, Double> importance(Booster booster, List<String> featureNames) throws XGBoostError {
    if (!params.booster().equals("gbtree")) {
      return Map.of();
    }
    Map<String, Double> byIndex = booster.getScore((String) null, "total_gain");
    Map<String, Double> byName = new LinkedHashMap<>();
    byIndex.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> byName.put(featureNames.get(Integer.parseInt(e.getKey().substring(1))), e.getValue()));
    return byName;
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
