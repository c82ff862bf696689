package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.lifecycle.VersionPolicy;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Triton's model configuration extension ({@code GET /v2/models/<m>[/versions/<v>]/config}): the JSON form of
 * Triton's {@code ModelConfig} for a served model, which Triton's clients and tools read for a model's tensors and
 * batching (e.g. {@code tritonclient}'s {@code get_model_config}, or {@code perf_analyzer} choosing batch sizes).
 *
 * <p>Every prodline tensor is batched along its first dimension ({@code -1} in the metadata), so, as Triton
 * describes a batching model, {@code max_batch_size} is the most rows one request may hold and each tensor's
 * {@code dims} leave the batch dimension out. A tensor of one value per row (metadata shape {@code [-1]}) has
 * {@code dims [1]} with a {@code reshape} to no dimensions, because Triton allows no empty {@code dims}.
 * {@code version_policy} is the policy that picks the served versions (a rollback's pin is a specific version);
 * {@code dynamic_batching} is present when the server batches requests, with its maximum queue delay.
 * {@code parameters} (Triton's free-form model parameters, string values) say which non-finite float inputs the
 * model takes: {@code allow_nan} and {@code allow_infinity}, {@code "true"} or {@code "false"}.
 *
 * @param backend always {@code prodline}: the runtime is named in the platform
 * @param versionPolicy Triton's {@code ModelVersionPolicy}: one of {@code latest}, {@code all}, {@code specific}
 * @param dynamicBatching null when each request is predicted alone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(String name, String platform, String backend, int maxBatchSize,
    Map<String, Object> versionPolicy, List<Tensor> input, List<Tensor> output, DynamicBatching dynamicBatching,
    Map<String, Parameter> parameters) {
  /** The name the server metadata lists among its extensions. */
  public static final String EXTENSION = "model_configuration";

  /**
   * A tensor as Triton's configuration describes it.
   *
   * @param reshape null unless {@code dims} differ from the model's own shape
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Tensor(String name, String dataType, long[] dims, Reshape reshape) {}

  /** The shape the model itself takes, batch dimension left out. */
  public record Reshape(long[] shape) {}

  public record DynamicBatching(long maxQueueDelayMicroseconds) {}

  /** A model parameter as Triton writes one: {@code {"string_value": "..."}}. */
  public record Parameter(String stringValue) {}

  /**
   * The configuration of the model version {@code metadata} describes.
   *
   * @param maxRows the most rows the server takes in one request
   * @param batching how the server batches requests, empty when it does not
   * @param nonFinite the non-finite float inputs the model takes
   */
  public static ModelConfig of(ModelMetadata metadata, VersionPolicy policy, int maxRows,
      Optional<BatchingConfig> batching, NonFiniteInputs nonFinite) {
    return new ModelConfig(metadata.name(), metadata.platform(), "prodline", maxRows, versionPolicy(policy),
        tensors(metadata.inputs()), tensors(metadata.outputs()),
        batching.map(b -> new DynamicBatching(b.maxDelay().toNanos() / 1_000)).orElse(null),
        new TreeMap<>(Map.of("allow_nan", new Parameter(Boolean.toString(nonFinite.nan())),
            "allow_infinity", new Parameter(Boolean.toString(nonFinite.infinity())))));
  }

  private static Map<String, Object> versionPolicy(VersionPolicy policy) {
    if (policy instanceof VersionPolicy.Latest latest) {
      return Map.of("latest", Map.of("num_versions", latest.count()));
    }
    if (policy instanceof VersionPolicy.Specific specific) {
      return Map.of("specific", Map.of("versions", new TreeSet<>(specific.versions())));
    }
    return Map.of("all", Map.of());
  }

  private static List<Tensor> tensors(List<TensorMetadata> tensors) {
    return tensors.stream().map(ModelConfig::tensor).toList();
  }

  private static Tensor tensor(TensorMetadata tensor) {
    long[] shape = tensor.shape();
    if (shape.length == 0 || shape[0] != -1) {
      throw new IllegalStateException("tensor '" + tensor.name() + "' has no batch dimension: "
          + Arrays.toString(shape));
    }
    long[] perRow = Arrays.copyOfRange(shape, 1, shape.length);
    String dataType = dataType(tensor.datatype());
    return perRow.length == 0
        ? new Tensor(tensor.name(), dataType, new long[] {1}, new Reshape(perRow))
        : new Tensor(tensor.name(), dataType, perRow, null);
  }

  /** Triton's name for a protocol datatype: {@code TYPE_} and the name, except that BYTES is TYPE_STRING. */
  private static String dataType(String datatype) {
    return datatype.equals(DataType.BYTES.name()) ? "TYPE_STRING" : "TYPE_" + datatype;
  }
}
