package io.prodline.serving.repository;

import io.prodline.serving.lifecycle.AspiredModel;
import io.prodline.serving.lifecycle.AspiredVersion;
import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scan wants served, computed from what is on disk, the config file and the operator's overrides; a pure
 * function, so a scan states the whole goal and needs nothing from earlier scans.
 *
 * <p>Per model: the versions the version policy picks (or only the pinned version after a rollback), plus every
 * version a label points to. Only the policy's (or pin's) picks take requests that name no version; a version
 * served just for its label answers only requests naming it, so a canary label on a newer version does not undo a
 * rollback. Versions unloaded through the management API count as absent from disk, so the policy picks among
 * the others (unloading the newest version under "latest 1" serves the one before). Every other version on disk
 * is stated as not served, with why, so that requests naming it are told and one that served is reported as END.
 */
final class AspiredModels {
  private AspiredModels() {}

  static Map<String, AspiredModel> of(Map<String, NavigableMap<Long, Path>> onDisk, RepositoryConfig config,
      ServingOverrides overrides) {
    Map<String, AspiredModel> goal = new TreeMap<>();
    onDisk.forEach((model, versions) -> {
      ModelSettings settings = config.settings(model);
      OptionalLong pin = overrides.pinned(model);
      VersionPolicy policy = pin.isPresent() ? new VersionPolicy.Specific(Set.of(pin.getAsLong()))
          : settings.versionPolicy();
      Set<Long> unloaded = overrides.unloaded(model);
      NavigableSet<Long> present = new TreeSet<>(versions.navigableKeySet());
      present.removeAll(unloaded);
      NavigableSet<Long> picked = policy.select(present);
      Map<String, Long> labels = overrides.labels(model, settings.labels());
      List<AspiredVersion> aspired = new ArrayList<>();
      Map<Long, String> notServed = new TreeMap<>();
      versions.forEach((v, directory) -> {
        if (picked.contains(v) || (present.contains(v) && labels.containsValue(v))) {
          aspired.add(new AspiredVersion(v, directory, picked.contains(v)));
        } else {
          notServed.put(v, whyNotServed(unloaded.contains(v), pin, policy));
        }
      });
      goal.put(model, new AspiredModel(aspired, labels, notServed, policy));
    });
    return goal;
  }

  /** Why a version on disk is not served, as the end of a sentence about it. */
  private static String whyNotServed(boolean unloaded, OptionalLong pin, VersionPolicy policy) {
    if (unloaded) {
      return "it was unloaded through the management API";
    }
    if (pin.isPresent()) {
      return "a rollback pinned the model to version " + pin.getAsLong();
    }
    return "it is outside the version policy (" + policy + ")";
  }
}
