package io.prodline.serving.repository;

import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.bundle.BundleReader;
import io.prodline.core.bundle.NotTabularException;
import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.core.schema.Field;
import io.prodline.core.tensor.TensorModel;
import io.prodline.core.tensor.TensorModels;
import io.prodline.serving.lifecycle.LoadedModel;
import io.prodline.serving.lifecycle.Loader;
import java.nio.file.Files;
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
  public LoadedModel load(String model, long version, Path directory) {
    Predictor predictor;
    try {
      predictor = Predictor.load(directory);
    } catch (NotTabularException e) {
      if (Files.exists(directory.resolve(BundleReader.MANIFEST))) {
        throw e; // a bundle's model takes rows of features
      }
      return loadTensors(model, version, directory, e);
    }
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
      return LoadedModel.of(predictor);
    } catch (RuntimeException e) {
      predictor.close();
      throw e;
    }
  }

  /**
   * A bare model file that is not rows of features, served tensor for tensor. Warm-up requests are in the row
   * formats of TF Serving's API, which such a model does not take, so its warm-up files are not run.
   */
  private LoadedModel loadTensors(String model, long version, Path directory, NotTabularException whyNotRows) {
    TensorModel tensors = TensorModels.load(directory);
    if (Warmup.present(directory)) {
      LOG.warn("model '{}' version {}: the warm-up requests in {} are not run, since the model is served as tensors "
          + "and they are rows", model, version, directory);
    }
    LOG.info("model '{}' version {} loaded from {} as tensors (inputs {}, outputs {}): {}", model, version,
        directory, tensors.inputs(), tensors.outputs(), whyNotRows.getMessage());
    return LoadedModel.of(tensors);
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
