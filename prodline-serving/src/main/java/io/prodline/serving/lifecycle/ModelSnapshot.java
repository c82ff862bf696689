package io.prodline.serving.lifecycle;

import io.prodline.serving.statistics.ModelStat;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One model as a {@link ServingSnapshot} saw it: every version's status, the versions taking requests, the
 * default version, the labels and the version policy. Immutable; lookups never lock. Lookup failures are
 * {@link ModelNotFoundException}s naming what exists.
 */
public final class ModelSnapshot {
  private final String name;
  private final NavigableMap<Long, VersionStatus> statuses;
  private final NavigableMap<Long, ServableVersion> available;
  private final ServableVersion defaultVersion;
  private final Map<String, Long> labels;
  private final Map<Long, String> notServed;
  private final VersionPolicy versionPolicy;

  /**
   * @param goal what the source wants for the model: which versions the default route may use, the labels, why
   *     the versions it does not serve are not served, and the policy that picked them
   */
  ModelSnapshot(String name, List<ServableVersion> versions, AspiredModel goal) {
    this.name = name;
    NavigableMap<Long, VersionStatus> byNumber = new TreeMap<>();
    NavigableMap<Long, ServableVersion> serving = new TreeMap<>();
    for (ServableVersion v : versions) {
      byNumber.put(v.version(), new VersionStatus(v.version(), v.state(), v.error()));
      if (v.state() == VersionState.AVAILABLE) {
        serving.put(v.version(), v);
      }
    }
    this.statuses = Collections.unmodifiableNavigableMap(byNumber);
    this.available = Collections.unmodifiableNavigableMap(serving);
    this.defaultVersion = serving.descendingMap().values().stream()
        .filter(v -> goal.routesByDefault(v.version())).findFirst()
        .orElse(serving.isEmpty() ? null : serving.lastEntry().getValue());
    this.labels = Collections.unmodifiableMap(new TreeMap<>(goal.labels()));
    this.notServed = goal.notServed();
    this.versionPolicy = goal.versionPolicy();
  }

  public String name() {
    return name;
  }

  /** Every version, newest first. */
  public List<VersionStatus> statuses() {
    return List.copyOf(statuses.descendingMap().values());
  }

  /**
   * What a status request for {@code selector} reports, as TF Serving's status APIs do: every version when it names
   * none, else the one it names.
   */
  public List<VersionStatus> statuses(VersionSelector selector) {
    return selector instanceof VersionSelector.Default ? statuses() : List.of(status(selector));
  }

  /** The policy that picks the versions served, a rollback's pin included. */
  public VersionPolicy versionPolicy() {
    return versionPolicy;
  }

  /** Label → version, sorted by label. */
  public Map<String, Long> labels() {
    return labels;
  }

  /**
   * The version requests naming none go to: the newest available version the source routes to by default (what
   * the version policy or a rollback's pin picked, not a version loaded only for a label). While none of those is
   * available (it is still loading, or failed to load), the newest available version, so the model keeps
   * answering. Empty when no version is available.
   */
  public OptionalLong defaultVersion() {
    return defaultVersion == null ? OptionalLong.empty() : OptionalLong.of(defaultVersion.version());
  }

  /**
   * The statistics of every available version, oldest first, when {@code selector} names none; else of the available
   * version it names.
   */
  public List<ModelStat> statistics(VersionSelector selector) {
    Collection<ServableVersion> versions = selector instanceof VersionSelector.Default
        ? available.values() : List.of(resolve(selector));
    return versions.stream().map(v -> v.statistics().report(name, v.version())).toList();
  }

  /** The status of the version {@code selector} names, whether or not it is available. */
  public VersionStatus status(VersionSelector selector) {
    if (selector instanceof VersionSelector.Number n) {
      return existing(n.version());
    }
    if (selector instanceof VersionSelector.Label l) {
      return existing(labelled(l.label()));
    }
    return statuses.get(resolve(selector).version());
  }

  /** The available version {@code selector} names. */
  ServableVersion resolve(VersionSelector selector) {
    if (selector instanceof VersionSelector.Number n) {
      return availableVersion(n.version(), "version " + n.version() + " of model '" + name + "'");
    }
    if (selector instanceof VersionSelector.Label l) {
      long version = labelled(l.label());
      return availableVersion(version, "label '" + l.label() + "' of model '" + name + "' points to version "
          + version + ", which");
    }
    if (defaultVersion == null) {
      throw new ModelNotFoundException("model '" + name + "' has no available version: its versions "
          + statuses.descendingKeySet() + " are loading, failed to load or unloaded (see GET /v1/models/" + name
          + ")");
    }
    return defaultVersion;
  }

  private ServableVersion availableVersion(long version, String subject) {
    VersionStatus status = existing(version);
    ServableVersion serving = available.get(version);
    if (serving == null) {
      String unloaded = status.state() == VersionState.END ? notServed.get(version) : null;
      throw new ModelNotFoundException(subject + (unloaded != null ? " exists but is not loaded: " + unloaded
          : " is not available: " + (status.error() != null ? status.error() : "it is " + status.state())));
    }
    return serving;
  }

  /** The status of a version that served or tried to; a version the source has but never loaded is told apart. */
  private VersionStatus existing(long version) {
    VersionStatus status = statuses.get(version);
    if (status != null) {
      return status;
    }
    String why = notServed.get(version);
    throw new ModelNotFoundException(why != null
        ? "version " + version + " of model '" + name + "' exists but is not loaded: " + why
        : "model '" + name + "' has no version " + version + "; its versions are " + statuses.descendingKeySet());
  }

  private long labelled(String label) {
    Long version = labels.get(label);
    if (version == null) {
      throw new ModelNotFoundException("model '" + name + "' has no label '" + label + "'; its labels are "
          + new TreeSet<>(labels.keySet()));
    }
    return version;
  }
}
