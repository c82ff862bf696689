package io.prodline.core.runtime;

import io.prodline.core.bundle.Bundle;
import io.prodline.core.error.ProdlineException;
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
    String name = bundle.manifest().runtime();
    ModelRuntimeProvider provider = PROVIDERS.get(name);
    if (provider == null) {
      throw new ProdlineException(bundle.directory() + ": runtime '" + name + "' is not available; this prodline has "
          + PROVIDERS.keySet());
    }
    return provider.load(bundle.modelFile(), bundle.manifest());
  }
}
