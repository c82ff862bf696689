package io.prodline.serving.lifecycle;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every served model at one moment: the routing table request threads read. Immutable; the manager builds a new
 * one for every change and swaps it in whole, so a reader sees either the old table or the new one, never a mix.
 */
public final class ServingSnapshot {
  public static final ServingSnapshot EMPTY = new ServingSnapshot(Map.of());

  private final Map<String, ModelSnapshot> models;

  ServingSnapshot(Map<String, ModelSnapshot> models) {
    this.models = Collections.unmodifiableMap(new TreeMap<>(models));
  }

  /** The model names, sorted. */
  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  /** Whether a model of that name is served (has versions the lifecycle knows of). */
  public boolean contains(String name) {
    return models.containsKey(name);
  }

  /** The model of that name; {@link ModelNotFoundException} naming the known models when there is none. */
  public ModelSnapshot model(String name) {
    ModelSnapshot model = models.get(name);
    if (model == null) {
      throw new ModelNotFoundException("model '" + name + "' not found; this server has " + names());
    }
    return model;
  }
}
