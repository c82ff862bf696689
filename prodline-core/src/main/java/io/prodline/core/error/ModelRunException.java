package io.prodline.core.error;

/**
 * A loaded model failed to run on inputs that fit it: its runtime (ONNX Runtime, say) reported an error while
 * predicting. The request is not at fault, so the server answers 500 (gRPC INTERNAL) and keeps this message, which
 * carries the runtime's words, in its log; the fix lies in the model or in what its runtime needs to run it.
 */
public final class ModelRunException extends ProdlineException {
  public ModelRunException(String message, Throwable cause) {
    super(message, cause);
  }

  /** 1, a run that failed, as opposed to the 2 of an input that was wrong. */
  @Override
  public int exitCode() {
    return 1;
  }
}
