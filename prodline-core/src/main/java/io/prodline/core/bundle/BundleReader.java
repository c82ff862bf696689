package io.prodline.core.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodline.core.error.DataFormatException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.error.YamlErrors;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.core.transform.FittedTransform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and checks a bundle directory; every problem is reported with the bundle's path and the fix. The transform
 * file must have the SHA-256 the manifest records for it (when it records one). A directory without
 * {@code bundle.yaml} but with a bare model file ({@code model.json}, {@code model.ubj}, {@code model.onnx}) is read
 * through {@link BareModels}, so every caller accepts bare models alike.
 */
public final class BundleReader {
  public static final String MANIFEST = "bundle.yaml";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  private BundleReader() {}

  public static Bundle read(Path directory) {
    if (Files.isRegularFile(directory)) {
      Path parent = directory.toAbsolutePath().getParent();
      throw new ProdlineException(directory + " is a file; a model is the directory that holds it: pass " + parent
          + " (a bundle directory, or one holding a bare model file: " + String.join(", ",
          BareModels.acceptedFiles()) + ")");
    }
    if (!Files.isDirectory(directory)) {
      throw new ProdlineException(directory + " does not exist; a model is a bundle directory (from prodline train) "
          + "or a directory holding a bare model file (" + String.join(", ", BareModels.acceptedFiles()) + ")");
    }
    Path manifestFile = directory.resolve(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      if (BareModels.present(directory)) {
        return BareModels.read(directory);
      }
      throw new ProdlineException(directory + " is not a model bundle: it has no " + MANIFEST
          + " and no bare model file (accepted: " + String.join(", ", BareModels.acceptedFiles()) + ")");
    }
    BundleManifest manifest = manifest(manifestFile);
    if (manifest.formatVersion() < 1 || manifest.formatVersion() > BundleManifest.FORMAT_VERSION) {
      throw new ProdlineException(manifestFile + ": formatVersion " + manifest.formatVersion()
          + " is not supported by this prodline (it reads 1 to " + BundleManifest.FORMAT_VERSION
          + "); upgrade prodline to read it");
    }
    Path model = directory.resolve(manifest.modelFile());
    if (!Files.isRegularFile(model)) {
      throw new ProdlineException(directory + ": the model file '" + manifest.modelFile()
          + "' named in " + MANIFEST + " is missing");
    }
    FittedTransform transform = null;
    if (manifest.transformFile() != null) {
      Path transformFile = directory.resolve(manifest.transformFile());
      if (!Files.isRegularFile(transformFile)) {
        throw new ProdlineException(directory + ": the transform file '" + manifest.transformFile()
            + "' named in " + MANIFEST + " is missing");
      }
      checkTransformHash(directory, manifest, transformFile);
      transform = FittedTransform.read(transformFile);
    }
    return new Bundle(directory, manifest, transform);
  }

  private static BundleManifest manifest(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (IOException e) {
      throw new ProdlineException(file + ": cannot be read: " + firstLine(e.getMessage()), e);
    }
    BundleManifest manifest = YamlErrors.read(YAML, yaml, file.toString(), BundleManifest.class);
    if (manifest == null) {
      throw new DataFormatException(file.toString(), "is empty; a bundle manifest needs at least name, runtime, "
          + "modelFile and task");
    }
    return manifest;
  }

  /** A transform edited after training would silently change every prediction, so it is refused. */
  private static void checkTransformHash(Path directory, BundleManifest manifest, Path transformFile) {
    String recorded = manifest.source() == null ? null : manifest.source().transformSha256();
    if (recorded == null) {
      return;
    }
    String actual = ContentFingerprint.sha256(transformFile);
    if (!actual.equals(recorded)) {
      throw new ProdlineException(directory + ": '" + manifest.transformFile() + "' has SHA-256 " + actual + ", but "
          + MANIFEST + " records " + recorded + " (source.transformSha256): the transform changed after training; "
          + "restore the file or train the model again");
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
