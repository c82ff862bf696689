package io.prodline.train.metrics;

import io.prodline.core.bundle.Task;
import io.prodline.core.frame.Frame;
import io.prodline.train.evaluate.Evaluation;
import io.prodline.train.evaluate.Evaluator;
import io.prodline.train.evaluate.ScoredRows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The overall metrics of an eval split as the flat map stored in the bundle manifest. The values and their keys
 * are those of {@link io.prodline.train.evaluate} (see {@code docs/evaluation.md}); metrics undefined on the split
 * (ROC-AUC when it holds one class) are left out rather than stored as NaN.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * Binary classification.
   *
   * @param probability probability of class 1 per row
   * @param label 0 or 1 per row
   */
  public static Map<String, Double> binary(float[] probability, float[] label) {
    return overall(Task.BINARY_CLASSIFICATION, classNames(2), probability, label);
  }

  /**
   * Multiclass classification.
   *
   * @param probabilities row-major, {@code classes} probabilities per row
   * @param label class index per row
   */
  public static Map<String, Double> multiclass(float[] probabilities, int classes, float[] label) {
    return overall(Task.MULTICLASS_CLASSIFICATION, classNames(classes), probabilities, label);
  }

  /** Regression. */
  public static Map<String, Double> regression(float[] prediction, float[] label) {
    return overall(Task.REGRESSION, List.of(), prediction, label);
  }

  private static Map<String, Double> overall(Task task, List<String> classes, float[] scores, float[] label) {
    double[] targets = new double[label.length];
    for (int row = 0; row < label.length; row++) {
      targets[row] = label[row];
    }
    Evaluation evaluation = Evaluator.evaluate(new ScoredRows(task, classes, scores, targets),
        Frame.of(List.of(), List.of()), List.of());
    Map<String, Double> defined = new LinkedHashMap<>();
    evaluation.overall().metrics().forEach((key, value) -> {
      if (value != null) {
        defined.put(key, value);
      }
    });
    return defined;
  }

  /** Class indices as names, for reasons that mention a class. */
  private static List<String> classNames(int classes) {
    List<String> names = new ArrayList<>(classes);
    for (int k = 0; k < classes; k++) {
      names.add(Integer.toString(k));
    }
    return names;
  }
}
