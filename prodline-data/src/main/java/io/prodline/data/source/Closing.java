package io.prodline.data.source;

/** Closing what a source had opened when opening the source itself fails, so that no file or connection leaks. */
public final class Closing {
  private Closing() {}

  /**
   * Closes {@code resource} and returns {@code failure} for the caller to throw, with any error of the close added
   * to it as suppressed, so the close cannot hide why the open failed.
   */
  public static RuntimeException afterFailure(AutoCloseable resource, RuntimeException failure) {
    try {
      resource.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
    return failure;
  }
}
