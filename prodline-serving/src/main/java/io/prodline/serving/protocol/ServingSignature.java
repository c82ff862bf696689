package io.prodline.serving.protocol;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.ColumnType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one signature a prodline model has in TF Serving's API, {@code serving_default}, as both transports describe
 * it (REST {@code /metadata} in JSON, gRPC {@code GetModelMetadata} as a {@code SignatureDefMap}): the bundle's raw
 * features as inputs, one value per instance (shape {@code [-1]}), typed by TensorFlow's names of their column
 * types; and one {@code DT_FLOAT} output, {@code predictions}, of shape {@code [-1]}, or {@code [-1, classes]} for
 * multiclass.
 *
 * <p>A bare model whose graph takes one input tensor ({@link TensorNames}) is described as its graph is: that
 * tensor, {@code DT_FLOAT} of shape {@code [-1, d]}, and the graph's output name and shape ({@code [-1, 1]} where
 * the graph's output is a column), as the Open Inference Protocol's metadata describes it; requests may name them.
 *
 * @param inputs in the model's input order
 * @param output the one output
 */
public record ServingSignature(List<Tensor> inputs, Tensor output) {
  /** What TF Serving's API calls the output of a bundle, and what answers name the predictions of any model. */
  public static final String PREDICTIONS = "predictions";
  /** The method a predict signature names. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /**
   * One input or output.
   *
   * @param dtype TensorFlow's name of its element type, e.g. {@code DT_DOUBLE}
   * @param shape its dimensions, -1 where the request decides (the number of rows)
   */
  public record Tensor(String name, String dtype, long[] shape) {}

  public ServingSignature {
    inputs = List.copyOf(inputs);
  }

  /**
   * @param graph the bare model's graph tensor names, or {@code null} for a bundle, whose inputs are its features
   */
  public static ServingSignature of(BundleManifest manifest, TensorNames graph) {
    List<Tensor> inputs = graph != null
        ? List.of(new Tensor(graph.input(), "DT_FLOAT", new long[] {-1, manifest.inputs().size()}))
        : manifest.inputs().stream().map(f -> new Tensor(f.name(), dtype(f.type()), new long[] {-1})).toList();
    long[] outputShape = manifest.task() == Task.MULTICLASS_CLASSIFICATION
        ? new long[] {-1, manifest.classes().size()} : columnOutput(graph) ? new long[] {-1, 1} : new long[] {-1};
    return new ServingSignature(inputs,
        new Tensor(outputName(graph), "DT_FLOAT", outputShape));
  }

  private static boolean columnOutput(TensorNames graph) {
    return graph != null && graph.columnOutput();
  }

  /**
   * The name of the output of a model with those graph tensor names ({@code null} for a bundle), without building
   * the whole signature.
   */
  public static String outputName(TensorNames graph) {
    return graph != null ? graph.output() : PREDICTIONS;
  }

  /**
   * The output names a request asks for, in its order, checked before anything is predicted: each must name the
   * model's one output, by {@link #outputName} or as {@link #PREDICTIONS}, and only once (an answer would otherwise
   * hold two tensors of one name, which Triton refuses too). Every protocol's answer names the output as asked.
   *
   * @param where how the request asks, for the messages, e.g. {@code output_filter}; empty for no prefix
   */
  public static Set<String> requestedOutputs(List<String> names, TensorNames graph, String where) {
    String output = outputName(graph);
    String prefix = where.isEmpty() ? "" : where + ": ";
    Set<String> asked = new LinkedHashSet<>();
    for (String name : names) {
      if (!name.equals(output) && !name.equals(PREDICTIONS)) {
        throw new BadRequestException(prefix + "unknown output '" + MessageText.shortened(name)
            + "'; the model's output is '" + output + "'"
            + (output.equals(PREDICTIONS) ? "" : " (also named '" + PREDICTIONS + "')"));
      }
      if (!asked.add(name)) {
        throw new BadRequestException(prefix + "output '" + MessageText.shortened(name)
            + "' is asked for twice; name each output once");
      }
    }
    return asked;
  }

  private static String dtype(ColumnType type) {
    return switch (type) {
      case FLOAT64 -> "DT_DOUBLE";
      case INT64 -> "DT_INT64";
      case BOOL -> "DT_BOOL";
      case STRING -> "DT_STRING";
    };
  }
}
