package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;

/**
 * A management action that cannot be carried out in the repository's current state, e.g. a rollback with no
 * older version on disk. The message says why; the management API answers it with 409.
 */
public final class ActionRefusedException extends ProdlineException {
  public ActionRefusedException(String message) {
    super(message);
  }
}
