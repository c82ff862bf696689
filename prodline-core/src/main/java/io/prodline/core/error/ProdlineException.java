package io.prodline.core.error;

/**
 * Root of every error a user can cause: bad data, a bad request, a bad configuration or model file.
 *
 * <p>The message is written for the person who must fix it: it names the subject (file and line, model and
 * version, column) and, where possible, the fix. Command-line tools print only the message and exit with
 * {@link #exitCode()}; the server turns it into a 4xx answer, except a {@link ModelRunException}: a model that
 * failed to run is the server's fault, not the request's.
 */
public class ProdlineException extends RuntimeException {
  public ProdlineException(String message) {
    super(message);
  }

  public ProdlineException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Process exit status for command-line tools: 2 means "the input was wrong", as for a usage error. */
  public int exitCode() {
    return 2;
  }
}
