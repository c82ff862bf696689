package io.prodline.core.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.prodline.core.schema.Field;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content of {@code bundle.yaml}: what a model is, what it needs as input and where it came from.
 *
 * @param formatVersion version of the bundle layout; readers refuse versions newer than they know
 * @param name model name, as served under {@code /v1/models/<name>}
 * @param version model version, a positive integer
 * @param runtime which runtime evaluates {@code modelFile} (e.g. {@code xgboost})
 * @param modelFile the model file inside the bundle directory
 * @param transformFile the fitted transform inside the bundle directory
 * @param task what the model predicts
 * @param label the column the model was trained to predict (absent at serving time)
 * @param classes class names for classification, in the order of the model's outputs; empty for regression
 * @param inputs the raw features a request must give, with their types
 * @param metrics evaluation metrics on the held-out split, by name
 * @param source provenance of the training run
 * @param createdAt ISO-8601 instant the bundle was written
 * @param learningCurves the trainer's loss per round on train and eval rows; absent when the trainer has none
 * @param featureImportance model input name to its importance (XGBoost: total gain); absent when the trainer
 *     reports none. Both are optional so bundles written before them stay readable as format version 1.
 */
@JsonPropertyOrder({"formatVersion", "name", "version", "runtime", "modelFile", "transformFile", "task", "label",
    "classes", "inputs", "metrics", "source", "createdAt", "learningCurves", "featureImportance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
    int formatVersion,
    String name,
    long version,
    String runtime,
    String modelFile,
    String transformFile,
    Task task,
    String label,
    List<String> classes,
    List<Field> inputs,
    Map<String, Double> metrics,
    Provenance source,
    String createdAt,
    LearningCurves learningCurves,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> featureImportance) {

  /** The newest layout this code reads and the one it writes. */
  public static final int FORMAT_VERSION = 1;

  public BundleManifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(task, "task");
    classes = classes == null ? List.of() : List.copyOf(classes);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    featureImportance = featureImportance == null
        ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(featureImportance));
  }

  /** A copy with another version number, e.g. when publishing into a model repository. */
  public BundleManifest withVersion(long newVersion) {
    return new BundleManifest(formatVersion, name, newVersion, runtime, modelFile, transformFile, task, label,
        classes, inputs, metrics, source, createdAt, learningCurves, featureImportance);
  }

  /** A copy with other metrics. */
  public BundleManifest withMetrics(Map<String, Double> newMetrics) {
    return new BundleManifest(formatVersion, name, version, runtime, modelFile, transformFile, task, label,
        classes, inputs, newMetrics, source, createdAt, learningCurves, featureImportance);
  }
}
