package io.prodline.data.source;

import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a location, in reading order, all of one format.
 *
 * <ul>
 *   <li>A file is itself.
 *   <li>A directory is every file directly in it whose extension is a known format, sorted by name; hidden and
 *       marker files ({@code .x}, {@code _SUCCESS}) and files of other extensions are ignored.
 *   <li>A glob ({@code data/span-*.csv}, {@code logs/**}{@code /*.jsonl}; {@code * ? [ ] { }} as in
 *       {@link FileSystems#getDefault() getPathMatcher}) is every file it matches below the folder before its
 *       first wildcard, sorted by path.
 * </ul>
 * Mixed formats are an error: a location is one data set.
 *
 * @param format the format of every file
 * @param files the files, in reading order; never empty
 */
public record SpanFiles(Format format, List<Path> files) {
  private static final String WILDCARDS = "*?[]{}";

  /** Resolves a location; throws a {@link ProdlineException} saying why when it names no readable data. */
  public static SpanFiles resolve(String location) {
    if (location.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0)) {
      return glob(location);
    }
    Path path = Path.of(location);
    if (Files.isDirectory(path)) {
      List<Path> files = list(path, 1).filter(f -> !f.getFileName().toString().startsWith(".")
          && !f.getFileName().toString().startsWith("_") && Format.of(f).isPresent()).toList();
      if (files.isEmpty()) {
        throw new ProdlineException(location + ": the directory holds no data file; expected files ending in "
            + Format.allExtensions());
      }
      return of(location, files);
    }
    if (!Files.isRegularFile(path)) {
      throw new ProdlineException(location + ": no such file or directory");
    }
    return of(location, List.of(path));
  }

  private static SpanFiles glob(String location) {
    String normalized = location.replace('\\', '/');
    int wildcard = 0;
    while (WILDCARDS.indexOf(normalized.charAt(wildcard)) < 0) {
      wildcard++;
    }
    int slash = normalized.lastIndexOf('/', wildcard);
    Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
    String pattern = normalized.substring(slash + 1);
    if (!Files.isDirectory(base)) {
      throw new ProdlineException(location + ": no such directory " + base);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    int depth = pattern.contains("**") ? Integer.MAX_VALUE : pattern.split("/").length;
    List<Path> files = list(base, depth).filter(f -> matcher.matches(base.relativize(f))).toList();
    if (files.isEmpty()) {
      throw new ProdlineException(location + ": no file matches");
    }
    return of(location, files);
  }

  /** Regular files below {@code dir} down to {@code depth} levels, sorted by path. */
  private static Stream<Path> list(Path dir, int depth) {
    try (Stream<Path> walk = Files.walk(dir, depth)) {
      return walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList().stream();
    } catch (IOException | UncheckedIOException e) {
      throw new ProdlineException(dir + ": cannot list the directory: " + e.getMessage(), e);
    }
  }

  private static SpanFiles of(String location, List<Path> files) {
    Set<String> kinds = new TreeSet<>();
    Format format = null;
    for (Path file : files) {
      Optional<Format> known = Format.of(file);
      if (known.isEmpty()) {
        throw new ProdlineException(file + ": unknown format; expected a file ending in "
            + Format.allExtensions());
      }
      format = known.get();
      kinds.add(format.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    if (kinds.size() > 1) {
      throw new ProdlineException(location + ": holds files of more than one format (" + String.join(", ", kinds)
          + "); a location must hold one format, so give a glob or directory of one kind");
    }
    return new SpanFiles(format, List.copyOf(files));
  }
}
