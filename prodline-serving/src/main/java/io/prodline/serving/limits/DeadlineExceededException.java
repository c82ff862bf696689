package io.prodline.serving.limits;

/** A request outlived its timeout; answered 504 with TF Serving's "Deadline Exceeded" wording. */
public final class DeadlineExceededException extends RuntimeException {
  public DeadlineExceededException(String message) {
    super(message, null, false, false);
  }
}
