package io.prodline.core.runtime.xgboost;

/**
 * A problem found while reading a model document, before the file name is known to the code that found it. The
 * parser turns it into a {@link io.prodline.core.error.ProdlineException} that names the file.
 */
final class ModelFormatException extends RuntimeException {
  ModelFormatException(String problem) {
    super(problem, null, false, false);
  }
}
