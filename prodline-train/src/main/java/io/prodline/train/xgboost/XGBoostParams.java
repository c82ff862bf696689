package io.prodline.train.xgboost;

import io.prodline.train.trainer.ClassWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gradient-boosting settings, checked when built. Defaults are XGBoost's own except {@code rounds} (100) and a
 * fixed {@code seed} (so a run is reproducible). Names in {@link #fromMap} and {@link #describe} are XGBoost's,
 * so a search space or a comparison with Python uses the names people already know.
 *
 * @param booster {@code gbtree} (trees) or {@code gblinear} (a linear model: logistic or linear regression)
 * @param earlyStoppingRounds stop when the eval metric has not improved for this many rounds; 0 never stops
 * @param alpha L1 regularisation
 * @param classWeights sample weights by class, see {@link ClassWeights}
 */
public record XGBoostParams(String booster, int rounds, int maxDepth, double eta, double subsample,
                            double colsampleByTree, double minChildWeight, double lambda, double alpha, long seed,
                            int threads, int earlyStoppingRounds, ClassWeights classWeights) {
  /** The keys {@link #fromMap} understands. */
  public static final Set<String> KEYS = Set.of("booster", "rounds", "max_depth", "eta", "subsample",
      "colsample_bytree", "min_child_weight", "lambda", "alpha", "seed", "nthread", "early_stopping_rounds",
      "class_weight");
  /** XGBoost4J's setting (not the native library's) for how often, in rounds, training prints its metrics. */
  private static final String PRINT_EVERY = "verbose_eval";

  public XGBoostParams {
    if (!booster.equals("gbtree") && !booster.equals("gblinear")) {
      throw new IllegalArgumentException("booster must be gbtree or gblinear, got '" + booster + "'");
    }
    check("rounds", rounds, 1, 100_000);
    check("max_depth", maxDepth, 1, 64);
    checkRange("eta", eta);
    checkRange("subsample", subsample);
    checkRange("colsample_bytree", colsampleByTree);
    if (minChildWeight < 0 || lambda < 0 || alpha < 0) {
      throw new IllegalArgumentException("min_child_weight, lambda and alpha must be >= 0, got " + minChildWeight
          + ", " + lambda + " and " + alpha);
    }
    check("nthread", threads, 0, 1024);
    check("early_stopping_rounds", earlyStoppingRounds, 0, 100_000);
    classWeights = classWeights == null ? ClassWeights.NONE : classWeights;
  }

  public static XGBoostParams defaults() {
    return new XGBoostParams("gbtree", 100, 6, 0.3, 1.0, 1.0, 1.0, 1.0, 0.0, 42, 0, 0, ClassWeights.NONE);
  }

  /** The defaults overridden by {@code values} (XGBoost names; numbers as numbers or text). */
  public static XGBoostParams fromMap(Map<String, ?> values) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown XGBoost parameter(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    XGBoostParams d = defaults();
    Values v = new Values(values);
    return new XGBoostParams(v.text("booster", d.booster), v.integer("rounds", d.rounds),
        v.integer("max_depth", d.maxDepth), v.real("eta", d.eta), v.real("subsample", d.subsample),
        v.real("colsample_bytree", d.colsampleByTree), v.real("min_child_weight", d.minChildWeight),
        v.real("lambda", d.lambda), v.real("alpha", d.alpha), v.integer("seed", (int) d.seed),
        v.integer("nthread", d.threads), v.integer("early_stopping_rounds", d.earlyStoppingRounds),
        new ClassWeights(v.text("class_weight", d.classWeights.spec())));
  }

  public XGBoostParams withRounds(int newRounds) {
    return new XGBoostParams(booster, newRounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda,
        alpha, seed, threads, earlyStoppingRounds, classWeights);
  }

  public XGBoostParams withoutEarlyStopping() {
    return new XGBoostParams(booster, rounds, maxDepth, eta, subsample, colsampleByTree, minChildWeight, lambda,
        alpha, seed, threads, 0, classWeights);
  }

  /** The parameters as XGBoost names them, without the objective (which follows from the task). */
  public Map<String, Object> toBoosterParams() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("booster", booster);
    if (booster.equals("gbtree")) {
      p.put("tree_method", "hist");
      p.put("max_depth", maxDepth);
      p.put("subsample", subsample);
      p.put("colsample_bytree", colsampleByTree);
      p.put("min_child_weight", minChildWeight);
    } else {
      // coord_descent rather than the default shotgun: shotgun's result depends on thread scheduling.
      p.put("updater", "coord_descent");
    }
    p.put("eta", eta);
    p.put("lambda", lambda);
    p.put("alpha", alpha);
    p.put("seed", seed);
    if (threads > 0) {
      p.put("nthread", threads);
    }
    p.put("verbosity", 0);
    // XGBoost4J prints the watched metrics of every round it is given; every tenth of the rounds is enough to
    // show progress on a long run without burying the command's own output.
    p.put(PRINT_EVERY, Math.max(1, rounds / 10));
    return p;
  }

  /** The parameters as text, for provenance and run tracking. */
  public Map<String, String> describe() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("rounds", Integer.toString(rounds));
    toBoosterParams().forEach((k, v) -> d.put(k, String.valueOf(v)));
    d.remove("verbosity");
    d.remove(PRINT_EVERY);
    if (earlyStoppingRounds > 0) {
      d.put("early_stopping_rounds", Integer.toString(earlyStoppingRounds));
    }
    if (!classWeights.isNone()) {
      d.put("class_weight", classWeights.spec());
    }
    return d;
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  private static void checkRange(String name, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
    }
  }

  /** Reads typed values from a map of numbers or text, naming the key on a bad value. */
  private record Values(Map<String, ?> values) {
    String text(String key, String fallback) {
      Object v = values.get(key);
      return v == null ? fallback : v.toString();
    }

    double real(String key, double fallback) {
      Object v = values.get(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      try {
        return Double.parseDouble(v.toString().strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
      }
    }

    int integer(String key, int fallback) {
      double d = real(key, fallback);
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(key + " must be a whole number, got " + values.get(key));
      }
      return (int) d;
    }
  }
}
