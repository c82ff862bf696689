package io.prodline.serving.lifecycle;

import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a model's versions should be served, given the versions that exist: TF Serving's
 * {@code model_version_policy}. A pure function, so a source can apply it afresh on every scan.
 */
public sealed interface VersionPolicy {
  /** TF Serving's default: only the newest version. */
  VersionPolicy DEFAULT = new Latest(1);

  /** The wanted subset of {@code existing}. */
  NavigableSet<Long> select(NavigableSet<Long> existing);

  /** The {@code count} highest versions. */
  record Latest(int count) implements VersionPolicy {
    public Latest {
      if (count < 1) {
        throw new IllegalArgumentException("latest must keep at least 1 version, got " + count);
      }
    }

    @Override
    public NavigableSet<Long> select(NavigableSet<Long> existing) {
      NavigableSet<Long> wanted = new TreeSet<>();
      for (Long v : existing.descendingSet()) {
        if (wanted.size() == count) {
          break;
        }
        wanted.add(v);
      }
      return wanted;
    }

    @Override
    public String toString() {
      return "latest " + count;
    }
  }

  /** Every version. */
  record All() implements VersionPolicy {
    @Override
    public NavigableSet<Long> select(NavigableSet<Long> existing) {
      return new TreeSet<>(existing);
    }

    @Override
    public String toString() {
      return "all";
    }
  }

  /** Exactly the listed versions that exist; a listed version missing on disk is simply not served. */
  record Specific(Set<Long> versions) implements VersionPolicy {
    public Specific {
      versions = Set.copyOf(Objects.requireNonNull(versions, "versions"));
      if (versions.isEmpty()) {
        throw new IllegalArgumentException("specific needs at least one version");
      }
    }

    public static Specific of(Collection<Long> versions) {
      return new Specific(Set.copyOf(versions));
    }

    @Override
    public NavigableSet<Long> select(NavigableSet<Long> existing) {
      NavigableSet<Long> wanted = new TreeSet<>(existing);
      wanted.retainAll(versions);
      return wanted;
    }

    @Override
    public String toString() {
      return "specific " + List.copyOf(new TreeSet<>(versions));
    }
  }
}
