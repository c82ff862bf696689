package io.prodline.pipeline.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of artifact that flow between steps, with the names TFX users know. A step's output may feed an
 * input only of the same type, which the validator checks before a pipeline runs; the name is also the artifact
 * type in the metadata store.
 */
public enum ArtifactType {
  EXAMPLES("Examples"),
  STATISTICS("Statistics"),
  SCHEMA("Schema"),
  ANOMALIES("Anomalies"),
  TRANSFORM_GRAPH("TransformGraph"),
  HYPERPARAMETERS("HyperParameters"),
  MODEL("Model"),
  MODEL_EVALUATION("ModelEvaluation"),
  MODEL_BLESSING("ModelBlessing"),
  INFRA_BLESSING("InfraBlessing"),
  PUSHED_MODEL("PushedModel");

  /**
   * Not a step's output: a file named in a step's configuration (ExampleGen's CSV file). Recorded in lineage as an
   * input so that {@code prodline lineage} names the data and its fingerprint.
   */
  public static final String DATA_FILE = "DataFile";

  private final String typeName;

  ArtifactType(String typeName) {
    this.typeName = typeName;
  }

  /** The name used in YAML and in the metadata store, e.g. {@code ModelBlessing}. */
  public String typeName() {
    return typeName;
  }

  public static Optional<ArtifactType> byName(String name) {
    return Arrays.stream(values()).filter(t -> t.typeName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return typeName;
  }
}
