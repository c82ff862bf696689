package io.prodline.serving.lifecycle;

import io.prodline.core.error.ProdlineException;

/**
 * A request named a model, version or label the server cannot serve. The message names what exists, so the caller
 * can correct the request; the server answers it with 404.
 */
public final class ModelNotFoundException extends ProdlineException {
  public ModelNotFoundException(String message) {
    super(message);
  }
}
