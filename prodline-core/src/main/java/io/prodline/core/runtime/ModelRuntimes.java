package io.prodline.core.runtime;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.bundle.BundleManifest;
import io.prodline.core.error.ProdlineException;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the runtime provider a bundle names and loads its model. */
public final class ModelRuntimes {
  private static final Map<String, ModelRuntimeProvider> PROVIDERS = discover();

  private ModelRuntimes() {}

  private static Map<String, ModelRuntimeProvider> discover() {
    Map<String, ModelRuntimeProvider> found = new TreeMap<>();
    for (ModelRuntimeProvider p : ServiceLoader.load(ModelRuntimeProvider.class)) {
      found.put(p.name(), p);
    }
    return found;
  }

  public static ModelRuntime load(Bundle bundle) {
    return load(bundle.modelFile(), bundle.manifest());
  }

  /** Loads {@code modelFile} with the runtime {@code manifest} names, e.g. to check a model before bundling it. */
  public static ModelRuntime load(Path modelFile, BundleManifest manifest) {
    String name = manifest.runtime();
    ModelRuntimeProvider provider = PROVIDERS.get(name);
    if (provider == null) {
      throw new ProdlineException(modelFile + ": runtime '" + name + "' is not available; this prodline has "
          + PROVIDERS.keySet());
    }
    return provider.load(modelFile, manifest);
  }
}
