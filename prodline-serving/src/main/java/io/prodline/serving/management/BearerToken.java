package io.prodline.serving.management;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks an {@code Authorization: Bearer <token>} header in constant time: both tokens are hashed with SHA-256
 * first and the digests compared with {@link MessageDigest#isEqual}, so neither the content nor the length of the
 * expected token leaks through timing.
 */
final class BearerToken {
  private static final String SCHEME = "bearer ";
  private final byte[] expectedDigest;

  BearerToken(String token) {
    this.expectedDigest = sha256(token);
  }

  /** Whether {@code header} (possibly {@code null}) presents the token. */
  boolean accepts(String header) {
    if (header == null || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    return MessageDigest.isEqual(expectedDigest, sha256(header.substring(SCHEME.length()).trim()));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
