package io.prodline.serving.repository;

import io.prodline.core.error.ProdlineException;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.util.List;

/**
 * The version policy fields TF Serving's {@code models.config} and Triton's {@code config.pbtxt} share ({@code latest
 * { num_versions }} and {@code specific { versions }}, the same types in both protos), checked alike for both: each
 * error names the file's place ({@code where}) and the field.
 */
final class VersionPolicyFields {
  /** More than this many latest versions is a typo, not a deployment. */
  static final int MAX_LATEST = 1_000;

  private VersionPolicyFields() {}

  /**
   * {@code latest { num_versions: count }}; a count left out (0) is one version, both servers' default.
   *
   * @param count the proto's uint32, so a count of 2^31 or more arrives negative
   */
  static VersionPolicy latest(int count, String where, String field) {
    if (count < 0 || count > MAX_LATEST) {
      throw new ProdlineException(where + " has " + field + ".latest.num_versions " + Integer.toUnsignedString(count)
          + "; serve at most " + MAX_LATEST + " versions");
    }
    return new VersionPolicy.Latest(count == 0 ? 1 : count);
  }

  /** {@code specific { versions: ... }}: at least one, each positive; {@code example} shows how to list them. */
  static VersionPolicy specific(List<Long> versions, String where, String field, String example) {
    if (versions.isEmpty()) {
      throw new ProdlineException(where + " has " + field + ".specific without versions; list them, e.g. "
          + example);
    }
    for (long version : versions) {
      requirePositive(version, where, field + ".specific.versions");
    }
    return VersionPolicy.Specific.of(versions);
  }

  /** Version directories are named by positive integers ({@link VersionDirectories}), so version 0 never exists. */
  static void requirePositive(long version, String where, String field) {
    if (version < 1) {
      throw new ProdlineException(where + " has " + field + " " + version + "; prodline's version directories "
          + "are named by positive integers (1, 2, ...)");
    }
  }
}
