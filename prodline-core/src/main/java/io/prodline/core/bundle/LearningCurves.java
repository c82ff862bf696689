package io.prodline.core.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * How a model's loss moved round by round while it trained, kept in the bundle so a reviewer can see whether it
 * under- or over-fitted without re-running it.
 *
 * @param metric the metric evaluated every round, as the trainer names it (e.g. {@code logloss})
 * @param train its value on the train rows, one per round
 * @param eval its value on the eval rows, one per round
 * @param bestIteration the 0-based round early stopping kept (the model has {@code bestIteration + 1} rounds);
 *     null when training ran every round it was given
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LearningCurves(String metric, List<Double> train, List<Double> eval, Integer bestIteration) {
  public LearningCurves {
    Objects.requireNonNull(metric, "metric");
    train = train == null ? List.of() : List.copyOf(train);
    eval = eval == null ? List.of() : List.copyOf(eval);
  }
}
