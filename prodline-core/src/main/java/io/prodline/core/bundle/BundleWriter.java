package io.prodline.core.bundle;

import io.prodline.core.fs.AtomicFiles;
import io.prodline.core.transform.FittedTransform;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a bundle atomically: every file goes into a hidden sibling directory, is flushed to disk, and the
 * directory is then renamed into place. A crash at any point leaves either no bundle or a whole one.
 */
public final class BundleWriter {
  /** Writes the model file into the staging directory. */
  @FunctionalInterface
  public interface ModelFileWriter {
    void writeTo(Path modelFile) throws IOException;
  }

  private BundleWriter() {}

  /**
   * Writes {@code manifest}, {@code transform} and the model file to {@code target}, which must not exist yet.
   *
   * @return the bundle as a reader would see it
   */
  public static Bundle write(Path target, BundleManifest manifest, FittedTransform transform, ModelFileWriter model)
      throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString(), null, "a bundle is already there; choose another path or version");
    }
    Path staging = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    Files.createDirectory(staging);
    try {
      model.writeTo(staging.resolve(manifest.modelFile()));
      if (transform != null) {
        transform.write(staging.resolve(manifest.transformFile()));
      }
      BundleReader.YAML.writeValue(staging.resolve(BundleReader.MANIFEST).toFile(), manifest);
      try (Stream<Path> files = Files.list(staging)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          AtomicFiles.fsync(f, false);
        }
      }
      AtomicFiles.fsync(staging, true);
      AtomicFiles.move(staging, target);
      AtomicFiles.fsync(parent, true);
    } catch (IOException | RuntimeException e) {
      AtomicFiles.deleteRecursively(staging);
      throw e;
    }
    return BundleReader.read(target);
  }

  /**
   * Replaces the {@code bundle.yaml} of a bundle copy that is still being assembled (not yet renamed into place),
   * e.g. to stamp the registry's version number on a bundle published into a model repository.
   */
  public static void rewriteManifest(Path bundleCopy, BundleManifest manifest) throws IOException {
    BundleReader.YAML.writeValue(bundleCopy.resolve(BundleReader.MANIFEST).toFile(), manifest);
  }
}
