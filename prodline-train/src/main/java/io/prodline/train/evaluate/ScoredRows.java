package io.prodline.train.evaluate;

import io.prodline.core.bundle.Task;
import java.util.List;

/**
 * What evaluation needs from a model and a data set: its outputs and the true targets, row by row.
 *
 * @param task what the model predicts
 * @param classes class names in the order of the model's outputs; empty for regression
 * @param scores row-major model outputs, one per row ({@code width} 1: probability of {@code classes[1]} or the
 *     regression value) or one probability per class (multiclass)
 * @param targets per row: the class index for classification, the true value for regression
 */
public record ScoredRows(Task task, List<String> classes, float[] scores, double[] targets) {
  public ScoredRows {
    classes = List.copyOf(classes);
    if (scores.length != (long) targets.length * width(task, classes)) {
      throw new IllegalArgumentException(scores.length + " scores for " + targets.length + " rows of width "
          + width(task, classes));
    }
    if (task.isClassification()) {
      for (int row = 0; row < targets.length; row++) {
        double t = targets[row];
        if (t != Math.rint(t) || t < 0 || t >= classes.size()) {
          throw new IllegalArgumentException("target of row " + row + " is " + t + ", not a class index below "
              + classes.size());
        }
      }
    }
  }

  private static int width(Task task, List<String> classes) {
    return task == Task.MULTICLASS_CLASSIFICATION ? classes.size() : 1;
  }

  /** Outputs per row. */
  public int width() {
    return width(task, classes);
  }

  public int rows() {
    return targets.length;
  }

  /** The given rows only, in that order. */
  public ScoredRows take(int[] rows) {
    int width = width();
    float[] s = new float[rows.length * width];
    double[] t = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(scores, rows[i] * width, s, i * width, width);
      t[i] = targets[rows[i]];
    }
    return new ScoredRows(task, classes, s, t);
  }
}
