package io.prodline.metadata.store;

/**
 * A write that would break a uniqueness rule (a context name per type, a type redefined with another property
 * type). The whole call is rolled back: nothing of it is stored.
 */
public class MetadataConflictException extends MetadataException {
  public MetadataConflictException(String message) {
    super(message);
  }

  public MetadataConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
