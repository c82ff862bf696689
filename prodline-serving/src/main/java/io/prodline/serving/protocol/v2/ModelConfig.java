package io.prodline.serving.protocol.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.prodline.serving.batching.BatchingConfig;
import io.prodline.serving.lifecycle.VersionPolicy;
import io.prodline.serving.protocol.NonFiniteInputs;
import java.io.IOException;
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
 * @param versionPolicy written as Triton's {@code ModelVersionPolicy}: {@code {"latest": {"num_versions": n}}},
 *     {@code {"all": {}}} or {@code {"specific": {"versions": [...]}}}
 * @param dynamicBatching null when each request is predicted alone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(String name, String platform, String backend, int maxBatchSize,
    @JsonSerialize(using = TritonVersionPolicy.class) VersionPolicy versionPolicy, List<Tensor> input,
    List<Tensor> output, DynamicBatching dynamicBatching,
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
    return new ModelConfig(metadata.name(), metadata.platform(), "prodline", maxRows, policy,
        tensors(metadata.inputs()), tensors(metadata.outputs()),
        batching.map(b -> new DynamicBatching(b.maxDelay().toNanos() / 1_000)).orElse(null),
        parameters(nonFinite));
  }

  /**
   * The configuration of a model served as its graph's tensors ({@link TensorRequests}): as Triton describes a model
   * that does not batch, {@code max_batch_size} 0 and each tensor's whole shape in {@code dims} (-1 for any size).
   */
  public static ModelConfig ofTensors(ModelMetadata metadata, VersionPolicy policy, NonFiniteInputs nonFinite) {
    return new ModelConfig(metadata.name(), metadata.platform(), "prodline", 0, policy,
        wholeTensors(metadata.inputs()), wholeTensors(metadata.outputs()), null,
        parameters(nonFinite));
  }

  /** The non-finite inputs the model takes, as Triton's string parameters. */
  private static Map<String, Parameter> parameters(NonFiniteInputs nonFinite) {
    return new TreeMap<>(Map.of("allow_nan", new Parameter(Boolean.toString(nonFinite.nan())),
        "allow_infinity", new Parameter(Boolean.toString(nonFinite.infinity()))));
  }

  private static List<Tensor> wholeTensors(List<TensorMetadata> tensors) {
    return tensors.stream().map(t -> t.shape().length == 0
        ? new Tensor(t.name(), dataType(t.datatype()), new long[] {1}, new Reshape(new long[0]))
        : new Tensor(t.name(), dataType(t.datatype()), t.shape(), null)).toList();
  }

  /** Writes a version policy as Triton's {@code ModelVersionPolicy} JSON; specific versions in increasing order. */
  static final class TritonVersionPolicy extends StdSerializer<VersionPolicy> {
    TritonVersionPolicy() {
      super(VersionPolicy.class);
    }

    @Override
    public void serialize(VersionPolicy policy, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject();
      if (policy instanceof VersionPolicy.Latest latest) {
        json.writeObjectFieldStart("latest");
        json.writeNumberField("num_versions", latest.count());
      } else if (policy instanceof VersionPolicy.Specific specific) {
        json.writeObjectFieldStart("specific");
        json.writeArrayFieldStart("versions");
        for (long version : new TreeSet<>(specific.versions())) {
          json.writeNumber(version);
        }
        json.writeEndArray();
      } else {
        json.writeObjectFieldStart("all");
      }
      json.writeEndObject();
      json.writeEndObject();
    }
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
