package io.prodline.serving.repository;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.serving.lifecycle.Loader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one version directory of a model repository: reads the bundle, checks it can serve, and warms it up.
 *
 * <p>Besides what {@link Predictor#load} checks, it refuses bundles that could load but never answer a request:
 * a bundle without a fitted transform, or whose transform reads a column its manifest does not list as an input
 * (the server builds request frames from the manifest's inputs only).
 */
final class VersionLoader implements Loader {
  private static final Logger LOG = LoggerFactory.getLogger(VersionLoader.class);

  private final Function<String, WarmupSettings> warmup;

  /** @param warmup the warm-up settings in force for a model, read when one of its versions loads */
  VersionLoader(Function<String, WarmupSettings> warmup) {
    this.warmup = warmup;
  }

  @Override
  public Predictor load(String model, long version, Path directory) {
    Predictor predictor = Predictor.load(directory);
    try {
      String problem = servingProblem(predictor.bundle().manifest(), predictor);
      if (problem != null) {
        throw new ProdlineException(directory + ": " + problem);
      }
      if (predictor.bundle().manifest().version() != version) {
        LOG.warn("model '{}': directory {} holds a bundle whose manifest says version {}; serving it as version {}",
            model, directory, predictor.bundle().manifest().version(), version);
      }
      int warmed = Warmup.run(predictor, directory, warmup.apply(model));
      LOG.info("model '{}' version {} loaded from {}{}", model, version, directory,
          warmed == 0 ? "" : " and warmed up with " + warmed + " requests");
      return predictor;
    } catch (RuntimeException e) {
      predictor.close();
      throw e;
    }
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
