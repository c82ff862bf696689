package io.prodline.train.evaluate;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Frame;
import java.util.List;

/** Small builders shared by the evaluator tests. */
final class Fixtures {
  private Fixtures() {}

  static ScoredRows binary(float[] probability, double... labels) {
    return new ScoredRows(Task.BINARY_CLASSIFICATION, List.of("no", "yes"), probability, labels);
  }

  static ScoredRows multiclass(float[] probabilities, double... labels) {
    return new ScoredRows(Task.MULTICLASS_CLASSIFICATION, List.of("a", "b", "c"), probabilities, labels);
  }

  static ScoredRows regression(float[] prediction, double... targets) {
    return new ScoredRows(Task.REGRESSION, List.of(), prediction, targets);
  }

  /** Metrics over all rows, no slicing. */
  static SliceMetrics overall(ScoredRows rows) {
    return Evaluator.evaluate(rows, Frame.of(List.of(), List.of()), List.of()).overall();
  }
}
