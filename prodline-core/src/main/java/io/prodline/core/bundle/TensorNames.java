package io.prodline.core.bundle;

import java.util.Objects;

/**
 * The names a bare model's graph gives its tensors, for clients that address the model as its framework saved it
 * (e.g. an Open Inference Protocol client that sends an ONNX graph's input tensor): the model's {@code d} input
 * columns ({@link BundleManifest#inputs()}, in order) together form the one tensor {@code input} of shape
 * {@code [N, d]}, and its output is called {@code output}.
 *
 * @param input the graph's input tensor, e.g. {@code features}
 * @param output the graph's output tensor, e.g. {@code score}
 * @param columnOutput whether an output of one value per row is a {@code [N, 1]} column in the graph (most ONNX
 *     regressors) rather than a {@code [N]} vector, so that protocols answer it in the shape the graph declares
 */
public record TensorNames(String input, String output, boolean columnOutput) {
  public TensorNames {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
  }
}
