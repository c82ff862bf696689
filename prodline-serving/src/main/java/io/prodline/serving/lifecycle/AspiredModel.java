package io.prodline.serving.lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a source wants for one model: the versions to serve and the labels that name some of them
 * (e.g. {@code stable → 3}). A label pointing to a version that is not serving answers 404 until it is.
 *
 * @param notServed the versions the source has but does not want served, each with why, as the end of a sentence
 *     ("it is outside the version policy (latest 1)"): a request naming one is told why, and one that served
 *     before stays reported as {@link VersionState#END} for as long as the source lists it here
 * @param versionPolicy the policy that picked the versions, as clients are told it (a rollback's pin is a specific
 *     version)
 */
public record AspiredModel(List<AspiredVersion> versions, Map<String, Long> labels, Map<Long, String> notServed,
    VersionPolicy versionPolicy) {
  /** Nothing wanted: the model is to be unloaded. */
  static final AspiredModel NONE = new AspiredModel(List.of(), Map.of(), Map.of(), VersionPolicy.DEFAULT);

  public AspiredModel {
    versions = List.copyOf(versions);
    labels = Map.copyOf(labels);
    notServed = Map.copyOf(notServed);
    Objects.requireNonNull(versionPolicy, "versionPolicy");
  }

  boolean aspires(long version) {
    return versions.stream().anyMatch(v -> v.version() == version);
  }

  /** Whether requests naming no version may go to {@code version}; see {@link AspiredVersion#defaultRoute()}. */
  boolean routesByDefault(long version) {
    return versions.stream().anyMatch(v -> v.version() == version && v.defaultRoute());
  }
}
