package io.prodline.serving.management;

/**
 * Whether and where the management API listens.
 *
 * @param port the port, 0 for a free one, or {@link #OFF}
 * @param token the bearer token every request must present; required when the API is on
 */
public record ManagementOptions(int port, String token) {
  public static final int OFF = -1;
  public static final ManagementOptions DISABLED = new ManagementOptions(OFF, null);
  /** Short tokens can be guessed; 16 characters is the floor, 32 random hex digits the advice. */
  public static final int MIN_TOKEN_LENGTH = 16;

  public ManagementOptions {
    if (port < OFF || port > 65_535) {
      throw new IllegalArgumentException("the management port must be 0 to 65535, got " + port);
    }
    if (port != OFF && (token == null || token.isBlank())) {
      throw new IllegalArgumentException("the management API needs a token: set --management-token or "
          + "PRODLINE_MANAGEMENT_TOKEN (e.g. to the output of 'openssl rand -hex 32')");
    }
    if (port != OFF && token.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException("the management token must have at least " + MIN_TOKEN_LENGTH
          + " characters, got " + token.length() + " (e.g. use 'openssl rand -hex 32')");
    }
  }

  public static ManagementOptions on(int port, String token) {
    return new ManagementOptions(port, token);
  }

  public boolean enabled() {
    return port != OFF;
  }

  @Override
  public String toString() {
    return enabled() ? "ManagementOptions[port=" + port + ", token=<hidden>]" : "ManagementOptions[off]";
  }
}
