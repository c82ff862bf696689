package io.prodline.serving.lifecycle;

import java.nio.file.Path;

/**
 * Turns a version's source into a loaded, warmed-up {@link LoadedModel}. Called by the manager, one version at a
 * time, never on a request thread, so it may take as long as loading takes. Unloading is
 * {@link LoadedModel#close()}.
 */
@FunctionalInterface
public interface Loader {
  /**
   * Loads the version; throws {@link io.prodline.core.error.ProdlineException} with a message naming the problem
   * when the version cannot serve (the version then shows as {@link VersionState#ERROR} with that message).
   */
  LoadedModel load(String model, long version, Path source);
}
