package io.prodline.pipeline.export;

import io.prodline.core.error.ProdlineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Turns the locations {@code run-step} is given into paths. It reads and writes local folders only: with an S3
 * root Argo downloads and uploads the folders around the step, and a shared root is a mounted path.
 */
final class Locations {
  private Locations() {}

  /** {@code text} as an absolute path: a path, or a {@code file:} URI. */
  static Path path(String text) {
    if (text.startsWith("file:")) {
      try {
        return Path.of(new URI(text)).toAbsolutePath().normalize();
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new ProdlineException("'" + text + "' is not a valid file: URI (" + e.getMessage() + ")");
      }
    }
    if (text.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new ProdlineException("'" + text + "' is not a local location; run-step reads and writes folders only "
          + "(in Argo, an s3:// artifact root is downloaded and uploaded by Argo around the step)");
    }
    return Path.of(text).toAbsolutePath().normalize();
  }
}
