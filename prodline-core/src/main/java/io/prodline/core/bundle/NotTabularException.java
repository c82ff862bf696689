package io.prodline.core.bundle;

import io.prodline.core.error.ProdlineException;

/**
 * A bare model file that its runtime can load, but whose signature is not rows of features in and a value or scores
 * per row out (several inputs, inputs of another type or rank, outputs not one row per input row). Prediction over
 * rows (batch prediction, TF Serving's row and example formats) refuses it with this message; the server can still
 * serve such a file tensor for tensor ({@link io.prodline.core.tensor.TensorModels}).
 */
public final class NotTabularException extends ProdlineException {
  public NotTabularException(String message) {
    super(message);
  }
}
