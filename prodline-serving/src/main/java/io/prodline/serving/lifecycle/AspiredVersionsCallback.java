package io.prodline.serving.lifecycle;

import java.util.Map;

/**
 * How a source states its goal. Each call lists <em>every</em> model and version it wants served; a model or
 * version left out is to be unloaded. So a source needs no memory of earlier calls, and a restarted source
 * simply states the goal again.
 */
@FunctionalInterface
public interface AspiredVersionsCallback {
  /** Makes {@code models} (by name) the goal; blocks until the resulting loads and unloads are done. */
  void setAspiredVersions(Map<String, AspiredModel> models);
}
