package io.prodline.serving.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
import io.prodline.core.bundle.TensorNames;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.schema.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF Serving's model metadata answer: {@code model_spec} plus the {@code serving_default} signature, whose
 * inputs are the bundle's raw features (one value per instance, hence shape {@code [-1]}) and whose single output
 * {@code predictions} has shape {@code [-1]}, or {@code [-1, classes]} for multiclass.
 *
 * <p>The shape is exactly TF Serving's, the JSON form of a {@code GetModelMetadataResponse}: {@code metadata} maps
 * {@code signature_def} to a {@code google.protobuf.Any}, which names its type in {@code @type}, and holds nothing
 * else, so that clients reading it with protobuf's JSON parser accept it. Signatures cannot say what the outputs
 * mean: the class names, in output order, are the bundle's {@code classes}, which {@code :classify} answers name.
 *
 * <p>A bare model whose graph takes one input tensor ({@link TensorNames}) is described as its graph is: that
 * tensor, {@code DT_FLOAT} of shape {@code [-1, d]}, and the graph's output name, as the Open Inference Protocol's
 * metadata describes it; {@link PredictRequestDecoder} accepts requests that name them.
 */
public final class MetadataResponse {
  private static final String OUTPUT = "predictions";
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
    Map<String, TensorInfo> inputs = new LinkedHashMap<>();
    if (graph != null) {
      inputs.put(graph.input(), new TensorInfo("DT_FLOAT", shape(-1, manifest.inputs().size()), graph.input()));
    } else {
      for (Field f : manifest.inputs()) {
        inputs.put(f.name(), new TensorInfo(dtype(f.type()), shape(-1), f.name()));
      }
    }
    TensorShape outputShape = manifest.task() == Task.MULTICLASS_CLASSIFICATION
        ? shape(-1, manifest.classes().size())
        : shape(-1);
    String output = graph != null ? graph.output() : OUTPUT;
    Map<String, TensorInfo> outputs = Map.of(output, new TensorInfo("DT_FLOAT", outputShape, output));
    SignatureDef signature = new SignatureDef(inputs, outputs, "tensorflow/serving/predict");
    Metadata metadata = new Metadata(new SignatureDefMap(SIGNATURE_DEF_MAP,
        Map.of(PredictRequestDecoder.SIGNATURE, signature)));
    return Json.write(new Body(new ModelSpec(model, "", Long.toString(version)), metadata));
  }

  private static TensorShape shape(long... sizes) {
    List<Dim> dims = java.util.Arrays.stream(sizes).mapToObj(s -> new Dim(Long.toString(s), "")).toList();
    return new TensorShape(dims, false);
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
