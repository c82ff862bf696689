package io.prodline.serving.repository;

import io.prodline.serving.lifecycle.VersionPolicy;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the model configuration names versions the repository does not have: a {@code specific} version
 * policy listing a missing version (with none of its versions on disk, the model serves nothing at all) or a label
 * pointing to one. Either is accepted, as TF Serving accepts it (the version may be about to be copied in), but a
 * mistyped number would otherwise take a model offline or leave a label answering 404 without a word in the log.
 * Each problem is logged once while it lasts, and again if it comes back after being mended. Scan thread only.
 */
final class AbsentVersionWarnings {
  private static final Logger LOG = LoggerFactory.getLogger(AbsentVersionWarnings.class);

  private Set<String> lastWarned = Set.of();

  /** Checks every model on disk against its settings in {@code config}. */
  void check(Map<String, NavigableMap<Long, Path>> onDisk, RepositoryConfig config) {
    Set<String> problems = new HashSet<>();
    onDisk.forEach((model, versions) -> {
      ModelSettings settings = config.settings(model);
      if (settings.versionPolicy() instanceof VersionPolicy.Specific specific) {
        Set<Long> missing = new TreeSet<>(specific.versions());
        missing.removeAll(versions.keySet());
        if (!missing.isEmpty()) {
          boolean none = missing.size() == specific.versions().size();
          problems.add("model '" + model + "': its version policy (" + specific + ") names "
              + (missing.size() == 1 ? "version " + missing.iterator().next() : "versions " + List.copyOf(missing))
              + ", not in the repository (it has " + versions.navigableKeySet() + ")"
              + (none ? ", so none of its versions is served" : ""));
        }
      }
      settings.labels().forEach((label, version) -> {
        if (!versions.containsKey(version)) {
          problems.add("model '" + model + "': label '" + label + "' points to version " + version
              + ", not in the repository (it has " + versions.navigableKeySet() + "); requests for the label get 404");
        }
      });
    });
    for (String problem : new TreeSet<>(problems)) {
      if (!lastWarned.contains(problem)) {
        LOG.warn(problem);
      }
    }
    lastWarned = problems;
  }
}
