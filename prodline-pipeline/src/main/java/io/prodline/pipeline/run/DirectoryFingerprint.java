package io.prodline.pipeline.run;

import io.prodline.core.fingerprint.ContentFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of a directory's content: of each file's relative path (with '/') and its own SHA-256, in path
 * order. Names, not times or permissions, count, so a copy elsewhere has the same fingerprint.
 */
public final class DirectoryFingerprint {
  private DirectoryFingerprint() {}

  public static String of(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      StringBuilder manifest = new StringBuilder();
      for (Path f : files) {
        String relative = directory.relativize(f).toString().replace('\\', '/');
        manifest.append(relative).append('\0').append(ContentFingerprint.sha256(f)).append('\n');
      }
      return ContentFingerprint.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + " to fingerprint it", e);
    }
  }
}
