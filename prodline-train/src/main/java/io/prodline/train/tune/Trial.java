package io.prodline.train.tune;

import java.util.Map;

/**
 * One configuration trained and scored on the eval split.
 *
 * @param number 1-based, in the order trials were planned
 * @param params the configuration, fixed values included
 * @param score the tuning metric's value on the eval split; NaN when the trial failed or the metric is undefined
 * @param error why the trial failed; null when it did not
 */
public record Trial(int number, Map<String, Object> params, Map<String, Double> metrics, double score, String error) {
  public Trial {
    params = Map.copyOf(params);
    metrics = Map.copyOf(metrics);
  }

  public boolean succeeded() {
    return error == null && !Double.isNaN(score);
  }
}
