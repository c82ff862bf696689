package io.prodline.serving.repository;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A model name and all of its version directories, loaded or failed. Immutable.
 *
 * <p>Requests without a version get the highest <em>available</em> version, so a broken newest version leaves
 * the previous one serving, as TensorFlow Serving does.
 */
public final class ServedModel {
  private final String name;
  private final NavigableMap<Long, ModelVersion> versions;

  ServedModel(String name, List<ModelVersion> loaded) {
    this.name = name;
    TreeMap<Long, ModelVersion> byNumber = new TreeMap<>();
    for (ModelVersion v : loaded) {
      byNumber.put(v.version(), v);
    }
    this.versions = Collections.unmodifiableNavigableMap(byNumber);
  }

  public String name() {
    return name;
  }

  /** Every version, newest first. */
  public List<ModelVersion> versions() {
    return List.copyOf(versions.descendingMap().values());
  }

  /** The version with that number, loaded or failed; throws {@link ModelNotFoundException} naming the versions. */
  public ModelVersion version(long number) {
    ModelVersion v = versions.get(number);
    if (v == null) {
      throw new ModelNotFoundException("model '" + name + "' has no version " + number + "; its versions are "
          + versions.descendingKeySet());
    }
    return v;
  }

  /** The version with that number if it can predict; otherwise {@link ModelNotFoundException} saying why. */
  public ModelVersion availableVersion(long number) {
    ModelVersion v = version(number);
    if (!v.isAvailable()) {
      throw new ModelNotFoundException("version " + number + " of model '" + name + "' is not available: "
          + v.error());
    }
    return v;
  }

  /** The highest version that can predict; {@link ModelNotFoundException} when every version failed to load. */
  public ModelVersion defaultVersion() {
    for (ModelVersion v : versions.descendingMap().values()) {
      if (v.isAvailable()) {
        return v;
      }
    }
    throw new ModelNotFoundException("model '" + name + "' has no available version: versions "
        + versions.descendingKeySet() + " failed to load (see GET /v1/models/" + name + ")");
  }
}
