package io.prodline.app.batch;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.Int64Column;
import io.prodline.core.frame.StringColumn;
import io.prodline.core.predict.Predictions;
import io.prodline.core.schema.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a prediction file and the cells of each row: first the input columns kept to identify rows (an
 * id), then the model's outputs, named by task so that a file says what it holds without the bundle at hand:
 * <ul>
 *   <li>regression: {@code prediction}, the value;
 *   <li>binary classification: {@code prediction}, the probability of the second class, and {@code predicted_class};
 *   <li>multiclass: {@code predicted_class} and one {@code p_<class>} probability per class, in the model's order.
 * </ul>
 */
public final class OutputColumns {
  static final String PREDICTION = "prediction";
  static final String PREDICTED_CLASS = "predicted_class";

  private final List<String> keep;
  private final Task task;
  private final List<String> names;

  /** @param keep input columns to copy to the output, in this order */
  public OutputColumns(BundleManifest manifest, List<String> keep) {
    this.keep = List.copyOf(keep);
    this.task = manifest.task();
    List<String> outputs = new ArrayList<>();
    if (task != Task.MULTICLASS_CLASSIFICATION) {
      outputs.add(PREDICTION);
    }
    if (task.isClassification()) {
      outputs.add(PREDICTED_CLASS);
    }
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      manifest.classes().forEach(c -> outputs.add("p_" + c));
    }
    Set<String> seen = new HashSet<>();
    for (String kept : keep) {
      if (!seen.add(kept)) {
        throw new IllegalArgumentException("--keep names '" + kept + "' twice; name each column once");
      }
      if (outputs.contains(kept)) {
        throw new IllegalArgumentException("--keep " + kept + ": the output already has a column '" + kept
            + "' holding the model's output; rename the input column or keep another");
      }
    }
    List<String> all = new ArrayList<>(this.keep);
    all.addAll(outputs);
    this.names = List.copyOf(all);
  }

  /** Every column name, in file order. */
  public List<String> names() {
    return names;
  }

  /**
   * Each column's name and type, in file order: the kept columns as {@code inputs} types them, the model's outputs
   * float64 (holding its float32 values; {@link #modelOutputs()} names them) and class names string.
   */
  List<Field> fields(List<Field> inputs) {
    List<Field> fields = new ArrayList<>();
    for (String kept : keep) {
      fields.add(inputs.stream().filter(f -> f.name().equals(kept)).findFirst().orElseThrow());
    }
    for (String output : names.subList(keep.size(), names.size())) {
      fields.add(new Field(output, output.equals(PREDICTED_CLASS) ? ColumnType.STRING : ColumnType.FLOAT64));
    }
    return fields;
  }

  /** The columns holding the model's values (predictions, probabilities): float32 numbers. */
  Set<String> modelOutputs() {
    Set<String> outputs = new LinkedHashSet<>(names.subList(keep.size(), names.size()));
    outputs.remove(PREDICTED_CLASS);
    return outputs;
  }

  /**
   * Each column's type as DuckDB names it, in file order, for a Parquet file: as {@link #fields}, the model's
   * outputs {@code FLOAT} (its own precision).
   */
  List<String> sqlTypes(List<Field> inputs) {
    Set<String> floats = modelOutputs();
    return fields(inputs).stream().map(field -> floats.contains(field.name()) ? "FLOAT" : switch (field.type()) {
      case FLOAT64 -> "DOUBLE";
      case INT64 -> "BIGINT";
      case BOOL -> "BOOLEAN";
      case STRING -> "VARCHAR";
    }).toList();
  }

  /** The output rows of {@code input} as a frame of {@link #fields}: the kept columns as they are, then the outputs. */
  Frame frame(Frame input, Predictions predictions) {
    List<Column> columns = new ArrayList<>();
    for (String kept : keep) {
      columns.add(input.column(kept));
    }
    int rows = predictions.rows();
    if (task != Task.MULTICLASS_CLASSIFICATION) {
      double[] values = new double[rows];
      for (int row = 0; row < rows; row++) {
        values[row] = predictions.value(row);
      }
      columns.add(Float64Column.of(values));
    }
    if (task.isClassification()) {
      String[] classes = new String[rows];
      for (int row = 0; row < rows; row++) {
        classes[row] = predictions.predictedClass(row);
      }
      columns.add(StringColumn.of(classes));
    }
    if (task == Task.MULTICLASS_CLASSIFICATION) {
      for (int k = 0; k < predictions.width(); k++) {
        double[] probabilities = new double[rows];
        for (int row = 0; row < rows; row++) {
          probabilities[row] = predictions.values()[row * predictions.width() + k];
        }
        columns.add(Float64Column.of(probabilities));
      }
    }
    return Frame.of(names, columns);
  }

  /** The input columns copied to the output. */
  public List<String> keep() {
    return keep;
  }

  /** Appends one encoded line per row of {@code input} with its predictions. */
  void encode(Frame input, Predictions predictions, RowEncoder encoder, StringBuilder out) {
    Column[] kept = new Column[keep.size()];
    for (int k = 0; k < kept.length; k++) {
      kept[k] = input.column(keep.get(k));
    }
    int first = kept.length;
    for (int row = 0; row < predictions.rows(); row++) {
      encoder.beginRow(out);
      for (int k = 0; k < kept.length; k++) {
        inputValue(encoder, out, k, kept[k], row);
      }
      switch (task) {
        case REGRESSION -> encoder.number(out, first, predictions.value(row));
        case BINARY_CLASSIFICATION -> {
          encoder.number(out, first, predictions.value(row));
          encoder.text(out, first + 1, predictions.predictedClass(row));
        }
        case MULTICLASS_CLASSIFICATION -> {
          encoder.text(out, first, predictions.predictedClass(row));
          for (int k = 0; k < predictions.width(); k++) {
            encoder.number(out, first + 1 + k, predictions.values()[row * predictions.width() + k]);
          }
        }
      }
      encoder.endRow(out);
    }
  }

  /** Copies an input value by its column's type, unboxed. */
  private static void inputValue(RowEncoder encoder, StringBuilder out, int k, Column column, int row) {
    if (column.isNull(row)) {
      encoder.missing(out, k);
      return;
    }
    switch (column.type()) {
      case FLOAT64 -> encoder.number(out, k, ((Float64Column) column).value(row));
      case INT64 -> encoder.integer(out, k, ((Int64Column) column).value(row));
      case BOOL -> encoder.bool(out, k, ((BoolColumn) column).value(row));
      case STRING -> encoder.text(out, k, ((StringColumn) column).value(row));
    }
  }
}
