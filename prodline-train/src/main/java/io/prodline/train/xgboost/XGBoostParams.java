package io.prodline.train.xgboost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosting settings, checked when built. Defaults are XGBoost's own except {@code rounds} (100) and a
 * fixed {@code seed} (so a run is reproducible).
 */
public record XGBoostParams(int rounds, int maxDepth, double eta, double subsample, double colsampleByTree,
                            double minChildWeight, double lambda, long seed, int threads) {
  public XGBoostParams {
    check("rounds", rounds, 1, 100_000);
    check("maxDepth", maxDepth, 1, 64);
    checkRange("eta", eta, 0, 1, false);
    checkRange("subsample", subsample, 0, 1, false);
    checkRange("colsampleByTree", colsampleByTree, 0, 1, false);
    if (minChildWeight < 0 || lambda < 0) {
      throw new IllegalArgumentException("minChildWeight and lambda must be >= 0, got " + minChildWeight + " and " + lambda);
    }
    check("threads", threads, 0, 1024);
  }

  public static XGBoostParams defaults() {
    return new XGBoostParams(100, 6, 0.3, 1.0, 1.0, 1.0, 1.0, 42, 0);
  }

  public XGBoostParams withRounds(int newRounds) {
    return new XGBoostParams(newRounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda, seed, threads);
  }

  /** The parameters as XGBoost names them, without the objective (which follows from the task). */
  public Map<String, Object> toBoosterParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("booster", "gbtree");
    p.put("tree_method", "hist");
    p.put("max_depth", maxDepth);
    p.put("eta", eta);
    p.put("subsample", subsample);
    p.put("colsample_bytree", colsampleByTree);
    p.put("min_child_weight", minChildWeight);
    p.put("lambda", lambda);
    p.put("seed", seed);
    if (threads > 0) {
      p.put("nthread", threads);
    }
    p.put("verbosity", 0);
    return p;
  }

  /** The parameters as text, for provenance. */
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("rounds", Integer.toString(rounds));
    toBoosterParams().forEach((k, v) -> d.put(k, String.valueOf(v)));
    d.remove("verbosity");
    return d;
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void checkRange(String name, double value, double min, double max, boolean minInclusive) {
    boolean ok = (minInclusive ? value >= min : value > min) && value <= max;
    if (!ok) {
      throw new IllegalArgumentException(name + " must be in " + (minInclusive ? "[" : "(") + min + ", " + max
          + "], got " + value);
    }
  }
}
