package io.prodline.serving.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.TensorNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF Serving's model metadata answer: {@code model_spec} plus the {@code serving_default} signature
 * ({@link ServingSignature}).
 *
 * <p>The shape is exactly TF Serving's, the JSON form of a {@code GetModelMetadataResponse}: {@code metadata} maps
 * {@code signature_def} to a {@code google.protobuf.Any}, which names its type in {@code @type}, and holds nothing
 * else, so that clients reading it with protobuf's JSON parser accept it. Signatures cannot say what the outputs
 * mean: the class names, in output order, are the bundle's {@code classes}, which {@code :classify} answers name.
 */
public final class MetadataResponse {
  private static final String SIGNATURE_DEF_MAP = "type.googleapis.com/tensorflow.serving.SignatureDefMap";

  private record Body(ModelSpec modelSpec, Metadata metadata) {}

  private record ModelSpec(String name, String signatureName, String version) {}

  private record Metadata(SignatureDefMap signatureDef) {}

  private record SignatureDefMap(@JsonProperty("@type") String type, Map<String, SignatureDef> signatureDef) {}

  private record SignatureDef(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs, String methodName) {}

  private record TensorInfo(String dtype, TensorShape tensorShape, String name) {}

  private record TensorShape(List<Dim> dim, boolean unknownRank) {}

  private record Dim(String size, String name) {}

  private MetadataResponse() {}

  /**
   * @param graph the bare model's graph tensor names, or {@code null} for a bundle, whose inputs are its
   *     features
   */
  public static byte[] encode(String model, long version, BundleManifest manifest, TensorNames graph) {
    ServingSignature signature = ServingSignature.of(manifest, graph);
    return encode(model, version, signature.inputs(), List.of(signature.output()));
  }

  /** The metadata of a signature of these inputs and outputs (a model served as its graph's tensors). */
  public static byte[] encode(String model, long version, List<ServingSignature.Tensor> signatureInputs,
      List<ServingSignature.Tensor> signatureOutputs) {
    Map<String, TensorInfo> inputs = new LinkedHashMap<>();
    for (ServingSignature.Tensor input : signatureInputs) {
      inputs.put(input.name(), info(input));
    }
    Map<String, TensorInfo> outputs = new LinkedHashMap<>();
    for (ServingSignature.Tensor output : signatureOutputs) {
      outputs.put(output.name(), info(output));
    }
    Metadata metadata = new Metadata(new SignatureDefMap(SIGNATURE_DEF_MAP, Map.of(PredictRequestDecoder.SIGNATURE,
        new SignatureDef(inputs, outputs, ServingSignature.PREDICT_METHOD))));
    return Json.write(new Body(new ModelSpec(model, "", Long.toString(version)), metadata));
  }

  private static TensorInfo info(ServingSignature.Tensor tensor) {
    List<Dim> dims = Arrays.stream(tensor.shape()).mapToObj(s -> new Dim(Long.toString(s), "")).toList();
    return new TensorInfo(tensor.dtype(), new TensorShape(dims, false), tensor.name());
  }
}
