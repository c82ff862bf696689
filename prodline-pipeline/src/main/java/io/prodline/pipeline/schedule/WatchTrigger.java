package io.prodline.pipeline.schedule;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Fires when a new span lands: a file under a watched folder (or matching a glob such as {@code data/span-*.csv})
 * that is new, or whose fingerprint (size and modification time) changed. A file is taken only once it is
 * stable, the same at two polls in a row, so a file still being copied in is not read half-written; with a poll
 * every 10 s a file is taken 10 to 20 s after its last write. Files present when watching starts are the
 * baseline and do not fire; a file removed and written again fires again.
 */
public final class WatchTrigger implements Trigger {
  private static final String GLOB_CHARS = "*?[{";

  /** What a file looked like at one poll: its fingerprint for this purpose. */
  record FileState(long size, long modifiedMillis) {}

  private final String description;
  private final Path base;
  private final PathMatcher matcher;
  private Map<Path, FileState> previous;
  private final Map<Path, FileState> taken = new HashMap<>();

  private WatchTrigger(String description, Path base, PathMatcher matcher) {
    this.description = description;
    this.base = base;
    this.matcher = matcher;
  }

  /** Watches every file under a folder (its subfolders too) or every file matching a glob. */
  public static WatchTrigger of(String folderOrGlob) {
    Path whole = Path.of(folderOrGlob).toAbsolutePath().normalize();
    if (folderOrGlob.chars().noneMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
      if (!Files.isDirectory(whole)) {
        throw new ProdlineException("cannot watch " + folderOrGlob + ": not a folder; give a folder or a glob such "
            + "as 'data/span-*.csv'");
      }
      return new WatchTrigger(folderOrGlob, whole, p -> true);
    }
    Path base = whole.getRoot();
    for (Path part : whole) {
      if (part.toString().chars().anyMatch(c -> GLOB_CHARS.indexOf(c) >= 0)) {
        break;
      }
      base = base.resolve(part);
    }
    if (!Files.isDirectory(base)) {
      throw new ProdlineException("cannot watch " + folderOrGlob + ": its folder " + base + " does not exist");
    }
    return new WatchTrigger(folderOrGlob, base, FileSystems.getDefault().getPathMatcher("glob:" + whole));
  }

  @Override
  public Optional<String> poll(Instant now) {
    Map<Path, FileState> current = list();
    if (previous == null) {
      taken.putAll(current);
      previous = current;
      return Optional.empty();
    }
    taken.keySet().retainAll(current.keySet());
    List<String> landed = new ArrayList<>();
    current.forEach((path, state) -> {
      if (state.equals(taken.get(path)) || !state.equals(previous.get(path))) {
        return; // already taken, or new or changed since the last poll: wait until it is stable
      }
      landed.add((taken.containsKey(path) ? "changed " : "new ") + base.relativize(path));
      taken.put(path, state);
    });
    previous = current;
    return landed.isEmpty() ? Optional.empty()
        : Optional.of("watch '" + description + "': " + String.join(", ", landed));
  }

  @Override
  public Optional<Instant> nextCheck(Instant now) {
    return Optional.empty();
  }

  private Map<Path, FileState> list() {
    Map<Path, FileState> out = new TreeMap<>();
    if (!Files.isDirectory(base)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(matcher::matches).forEach(p -> {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          if (a.isRegularFile()) {
            out.put(p, new FileState(a.size(), a.lastModifiedTime().toMillis()));
          }
        } catch (IOException gone) {
          // Removed between listing and reading: it is simply not there at this poll.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new ProdlineException("cannot list " + base + " to watch it: " + e.getMessage(), e);
    }
    return out;
  }
}
