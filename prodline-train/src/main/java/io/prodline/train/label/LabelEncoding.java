package io.prodline.train.label;

import io.prodline.core.bundle.Task;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How a label column becomes training targets: the task, and for classification the class names whose index is
 * the target.
 *
 * <p>Task inference: a string or bool label is classification (binary for two classes, multiclass for more); a
 * numeric label is regression. Classes are sorted (strings by text, numbers numerically, false before true), so
 * the same data always gives the same class indices.
 */
public record LabelEncoding(String label, Task task, List<String> classes) {
  public LabelEncoding {
    classes = List.copyOf(classes);
  }

  /** Infers the task from the label column, or uses {@code taskOverride} when not null. */
  public static LabelEncoding infer(String label, Column column, Task taskOverride) {
    Task task = taskOverride;
    if (task == null) {
      task = column.type() == ColumnType.STRING || column.type() == ColumnType.BOOL
          ? Task.BINARY_CLASSIFICATION : Task.REGRESSION;
    }
    if (task == Task.REGRESSION) {
      if (column.type() == ColumnType.STRING) {
        throw new ProdlineException("label '" + label + "' holds strings, so it cannot be a regression target; "
            + "train a classifier or convert the column to numbers");
      }
      return new LabelEncoding(label, task, List.of());
    }
    List<String> classes = distinctValues(column);
    if (classes.size() < 2) {
      throw new ProdlineException("label '" + label + "' has " + classes.size()
          + " distinct value(s) " + classes + "; a classifier needs at least two classes");
    }
    Task resolved = classes.size() == 2 ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
    return new LabelEncoding(label, resolved, classes);
  }

  private static List<String> distinctValues(Column column) {
    if (column.type() == ColumnType.STRING) {
      TreeSet<String> values = new TreeSet<>();
      for (int row = 0; row < column.size(); row++) {
        if (!column.isNull(row)) {
          values.add((String) column.get(row));
        }
      }
      return new ArrayList<>(values);
    }
    TreeSet<Double> values = new TreeSet<>();
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        values.add(column.getDouble(row));
      }
    }
    List<String> names = new ArrayList<>();
    for (double v : values) {
      names.add(className(column.type(), v));
    }
    return names;
  }

  private static String className(ColumnType type, double v) {
    return switch (type) {
      case BOOL -> v != 0 ? "true" : "false";
      case INT64 -> Long.toString((long) v);
      default -> Double.toString(v);
    };
  }

  /**
   * The target of every row: the class index for classification, the value for regression. Rows with a missing
   * label must have been removed before.
   */
  public float[] encode(Column column) {
    float[] y = new float[column.size()];
    for (int row = 0; row < column.size(); row++) {
      if (column.isNull(row)) {
        throw new ProdlineException("label '" + label + "' is missing on row " + row);
      }
      if (task == Task.REGRESSION) {
        y[row] = (float) column.getDouble(row);
      } else {
        String value = column.type() == ColumnType.STRING
            ? (String) column.get(row) : className(column.type(), column.getDouble(row));
        int index = classes.indexOf(value);
        if (index < 0) {
          throw new ProdlineException("label '" + label + "' has value '" + value + "' on row " + row
              + ", which is not one of the classes " + classes);
        }
        y[row] = index;
      }
    }
    return y;
  }
}
