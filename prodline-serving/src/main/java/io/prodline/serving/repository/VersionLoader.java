package io.prodline.serving.repository;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version directory into a {@link ModelVersion}, turning every failure into a failed version instead of
 * an exception: one bad bundle must not stop the server from serving the others.
 *
 * <p>Besides what {@link Predictor#load} checks, it refuses bundles that could load but never answer a request:
 * a bundle without a fitted transform, or whose transform reads a column its manifest does not list as an input
 * (the server builds request frames from the manifest's inputs only).
 */
final class VersionLoader {
  private static final Logger LOG = LoggerFactory.getLogger(VersionLoader.class);

  private VersionLoader() {}

  static ModelVersion load(String model, long version, Path directory) {
    Predictor predictor;
    try {
      predictor = Predictor.load(directory);
    } catch (ProdlineException e) {
      // A bad bundle: the message says it all.
      LOG.warn("model '{}' version {} failed to load: {}", model, version, e.getMessage());
      return ModelVersion.failed(version, e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      // A bug in a runtime or a broken installation: keep the stack trace for whoever fixes it.
      String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      LOG.error("model '{}' version {} failed to load from {}", model, version, directory, e);
      return ModelVersion.failed(version, reason);
    }
    String problem = servingProblem(predictor.bundle().manifest(), predictor);
    if (problem != null) {
      predictor.close();
      String reason = directory + ": " + problem;
      LOG.warn("model '{}' version {} cannot be served: {}", model, version, reason);
      return ModelVersion.failed(version, reason);
    }
    if (predictor.bundle().manifest().version() != version) {
      LOG.warn("model '{}': directory {} holds a bundle whose manifest says version {}; serving it as version {}",
          model, directory, predictor.bundle().manifest().version(), version);
    }
    LOG.info("model '{}' version {} loaded from {}", model, version, directory);
    return ModelVersion.available(version, predictor);
  }

  private static String servingProblem(BundleManifest manifest, Predictor predictor) {
    if (predictor.bundle().transform() == null) {
      return "the bundle has no transformFile; the server needs it to encode requests";
    }
    List<String> inputNames = manifest.inputs().stream().map(Field::name).toList();
    for (String needed : predictor.bundle().transform().inputs()) {
      if (!inputNames.contains(needed)) {
        return "the transform reads '" + needed + "' but bundle.yaml's inputs " + inputNames + " do not list it";
      }
    }
    return null;
  }
}
