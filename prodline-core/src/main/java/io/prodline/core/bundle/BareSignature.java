package io.prodline.core.bundle;

import java.util.List;
import java.util.Objects;

/**
 * What a bare model file says about itself, all a bundle needs that the file can tell: the names of its float
 * inputs in column order, the task its outputs mean and, for classification, the class names; for a file whose
 * framework takes its inputs as one tensor (an ONNX graph's input, XGBoost's feature matrix), that tensor's and the
 * output's names.
 *
 * @param inputs one name per model input column, unique
 * @param task what the outputs mean
 * @param classes class names in output order; empty for regression
 * @param tensors the framework's tensor names when {@code inputs} are the columns of one input tensor, else
 *     {@code null}
 */
public record BareSignature(List<String> inputs, Task task, List<String> classes, TensorNames tensors) {
  public BareSignature {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(task, "task");
    classes = List.copyOf(classes);
    if (inputs.stream().distinct().count() != inputs.size()) {
      throw new IllegalArgumentException("input names must be unique: " + inputs);
    }
  }

  /** {@code f0 .. f(n-1)}: XGBoost's own names for unnamed features. */
  public static List<String> positionalNames(String prefix, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }

  /** {@code "0" .. "(k-1)"}: class names for a model that only knows its classes by output position. */
  public static List<String> indexClasses(int count) {
    return positionalNames("", count);
  }
}
