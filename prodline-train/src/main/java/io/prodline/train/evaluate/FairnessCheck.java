package io.prodline.train.evaluate;

import static io.prodline.train.evaluate.Sentences.number;

import io.prodline.core.bundle.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Flags slices whose metric is worse than the overall value by more than a margin: a model can look good on
 * average while failing a group, and that should be seen before it ships. Slices with fewer than
 * {@code minimumCount} examples are skipped, since a handful of rows can be far off by chance.
 *
 * @param metric the metric compared; its direction says what "worse" is
 * @param kind whether {@code margin} is in the metric's units or a fraction of the overall value
 * @param margin how much worse than overall a slice may be before it is flagged
 * @param minimumCount smallest slice that is judged
 */
public record FairnessCheck(Metric metric, ChangeKind kind, double margin, long minimumCount) {
  /** Default smallest slice judged. */
  public static final long DEFAULT_MINIMUM_COUNT = 30;

  public FairnessCheck {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(kind, "kind");
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("fairness margin must be at least 0, got " + margin);
    }
  }

  /**
   * Accuracy more than 0.05 below overall for classification (accuracy, unlike AUC, is defined on a slice
   * with one class); RMSE more than 10 % above overall for regression.
   */
  public static FairnessCheck defaults(Task task) {
    return task.isClassification()
        ? new FairnessCheck(Metric.ACCURACY, ChangeKind.ABSOLUTE, 0.05, DEFAULT_MINIMUM_COUNT)
        : new FairnessCheck(Metric.RMSE, ChangeKind.RELATIVE, 0.10, DEFAULT_MINIMUM_COUNT);
  }

  /** The flagged slices of {@code evaluation}, in slice order. */
  public List<FairnessFlag> flags(Evaluation evaluation) {
    List<FairnessFlag> flags = new ArrayList<>();
    Double overall = evaluation.overall().value(metric);
    if (overall == null) {
      return flags;
    }
    for (SliceMetrics slice : evaluation.slices()) {
      Double value = slice.value(metric);
      if (value == null || slice.count() < minimumCount) {
        continue;
      }
      double worsening = kind.measure(metric.direction().worsening(value, overall), overall);
      if (worsening > margin) {
        flags.add(new FairnessFlag(slice.slice(), metric.key(), value, overall, "The " + metric.key() + " on "
            + slice.slice() + " (" + slice.count() + " examples) is " + number(value) + ", worse than the overall "
            + number(overall) + " by " + kind.format(worsening) + ", more than the margin of " + kind.format(margin)
            + "."));
      }
    }
    return flags;
  }
}
