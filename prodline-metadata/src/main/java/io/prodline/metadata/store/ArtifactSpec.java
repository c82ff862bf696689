package io.prodline.metadata.store;

import java.util.Map;
import java.util.Objects;

/**
 * An artifact to create: its type name, where its content lives, its state and the SHA-256 of its content
 * (lower-case hex; null when not yet known). The fingerprint is what makes caching content-based: identical data
 * under another path or id is found by {@link MetadataStore#artifactsByFingerprint}.
 */
public record ArtifactSpec(String type, String uri, ArtifactState state, String fingerprint,
    Map<String, PropertyValue> properties) {
  public ArtifactSpec {
    Names.require(type, "artifact type");
    Names.require(uri, "artifact uri");
    Objects.requireNonNull(state, "state");
    if (fingerprint != null && !fingerprint.matches("[0-9a-f]{64}")) {
      throw new MetadataException("artifact " + uri + ": fingerprint '" + fingerprint
          + "' is not a SHA-256 in lower-case hex (64 characters 0-9a-f)");
    }
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }

  /** A LIVE artifact without properties. */
  public static ArtifactSpec live(String type, String uri, String fingerprint) {
    return new ArtifactSpec(type, uri, ArtifactState.LIVE, fingerprint, Map.of());
  }
}
