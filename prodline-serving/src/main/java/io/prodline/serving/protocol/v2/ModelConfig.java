package io.prodline.serving.protocol.v2;

import java.util.List;

/**
 * Triton's model configuration extension ({@code GET /v2/models/<m>[/versions/<v>]/config}): the JSON form of
 * Triton's {@code ModelConfig} for a served model, which Triton's clients and tools read for a model's tensors (e.g.
 * {@code tritonclient}'s {@code get_model_config}). It holds what a prodline model has in Triton's terms: name,
 * platform, the input and output tensors with Triton's {@code TYPE_*} data types, and {@code max_batch_size} 0,
 * which tells a Triton client that the shapes are whole, batch dimension ({@code -1}) included, as the model
 * metadata gives them. How prodline batches requests is its own configuration, not this one.
 *
 * @param backend always {@code prodline}: the runtime is named in the platform
 */
public record ModelConfig(String name, String platform, String backend, int maxBatchSize, List<Tensor> input,
    List<Tensor> output) {
  /** The name the server metadata lists among its extensions, on REST. */
  public static final String EXTENSION = "model_configuration";

  /** A tensor as Triton's configuration describes it. */
  public record Tensor(String name, String dataType, long[] dims) {}

  /** The configuration of the model version {@code metadata} describes. */
  public static ModelConfig of(ModelMetadata metadata) {
    return new ModelConfig(metadata.name(), metadata.platform(), "prodline", 0, tensors(metadata.inputs()),
        tensors(metadata.outputs()));
  }

  private static List<Tensor> tensors(List<TensorMetadata> tensors) {
    return tensors.stream().map(t -> new Tensor(t.name(), dataType(t.datatype()), t.shape())).toList();
  }

  /** Triton's name for a protocol datatype: {@code TYPE_} and the name, except that BYTES is TYPE_STRING. */
  private static String dataType(String datatype) {
    return datatype.equals(DataType.BYTES.name()) ? "TYPE_STRING" : "TYPE_" + datatype;
  }
}
