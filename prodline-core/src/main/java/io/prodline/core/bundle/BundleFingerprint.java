package io.prodline.core.bundle;

import io.prodline.core.fingerprint.ContentFingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One SHA-256 for a whole bundle directory: the hash of every file's relative path and content hash, in path
 * order. Two bundles with the same files have the same fingerprint wherever they are, which is what run tracking
 * and the model registry compare.
 */
public final class BundleFingerprint {
  private BundleFingerprint() {}

  public static String of(Path directory) {
    StringBuilder listing = new StringBuilder();
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        listing.append(directory.relativize(file).toString().replace('\\', '/')).append('\0')
            .append(ContentFingerprint.sha256(file)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the bundle " + directory + " to fingerprint it", e);
    }
    return ContentFingerprint.sha256(listing.toString().getBytes(StandardCharsets.UTF_8));
  }
}
