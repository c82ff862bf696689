package io.prodline.metadata.store;

/** What a {@link MetadataType} describes; a type name is unique within its kind. */
public enum TypeKind {
  ARTIFACT,
  EXECUTION,
  CONTEXT;

  /** Lower-case word for messages: "artifact type 'Model'". */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
