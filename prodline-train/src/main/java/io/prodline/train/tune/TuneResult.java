package io.prodline.train.tune;

import io.prodline.train.TrainingResult;
import io.prodline.train.evaluate.Metric;
import java.util.List;

/**
 * What a search found: every trial, the best and the runner-up by the metric, the best configuration retrained
 * on the train split, and a sentence explaining the choice.
 *
 * @param runnerUp null when only one trial succeeded
 */
public record TuneResult(Metric metric, List<Trial> trials, Trial best, Trial runnerUp, TrainingResult retrained,
                         String explanation) {
  public TuneResult {
    trials = List.copyOf(trials);
  }
}
