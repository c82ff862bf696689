package io.prodline.serving.protocol;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.Task;
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
 * <p>TF Serving signatures cannot say what the outputs mean, so a {@code prodline} entry next to
 * {@code signature_def} gives the task and the class names in output order; TF Serving clients ignore it.
 */
public final class MetadataResponse {
  private static final String OUTPUT = "predictions";

  private record Body(ModelSpec modelSpec, Metadata metadata) {}

  private record ModelSpec(String name, String signatureName, String version) {}

  private record Metadata(SignatureDefMap signatureDef, Prodline prodline) {}

  private record SignatureDefMap(Map<String, SignatureDef> signatureDef) {}

  private record SignatureDef(Map<String, TensorInfo> inputs, Map<String, TensorInfo> outputs, String methodName) {}

  private record TensorInfo(String dtype, TensorShape tensorShape, String name) {}

  private record TensorShape(List<Dim> dim, boolean unknownRank) {}

  private record Dim(String size, String name) {}

  private record Prodline(Task task, List<String> classes, String runtime) {}

  private MetadataResponse() {}

  public static byte[] encode(String model, long version, BundleManifest manifest) {
    Map<String, TensorInfo> inputs = new LinkedHashMap<>();
    for (Field f : manifest.inputs()) {
      inputs.put(f.name(), new TensorInfo(dtype(f.type()), shape(-1), f.name()));
    }
    TensorShape outputShape = manifest.task() == Task.MULTICLASS_CLASSIFICATION
        ? shape(-1, manifest.classes().size())
        : shape(-1);
    Map<String, TensorInfo> outputs = Map.of(OUTPUT, new TensorInfo("DT_FLOAT", outputShape, OUTPUT));
    SignatureDef signature = new SignatureDef(inputs, outputs, "tensorflow/serving/predict");
    Metadata metadata = new Metadata(new SignatureDefMap(Map.of(PredictRequestDecoder.SIGNATURE, signature)),
        new Prodline(manifest.task(), manifest.classes(), manifest.runtime()));
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
