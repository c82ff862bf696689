package io.prodline.metadata.store;

/** A call named an artifact, execution, context, type, model or version that is not in the store. */
public class MetadataNotFoundException extends MetadataException {
  public MetadataNotFoundException(String message) {
    super(message);
  }
}
