package io.prodline.metadata.store;

import io.prodline.core.error.ProdlineException;

/** A metadata store or registry call that cannot be done: the message names the entity and the fix. */
public class MetadataException extends ProdlineException {
  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
