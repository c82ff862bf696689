package io.prodline.serving.repository;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The model config file's content.
 *
 * @param models settings by model name; models on disk it does not name get {@link ModelSettings#DEFAULT}
 * @param listedOnly whether only the models it names are served, as with TF Serving's model config file; else
 *     every model in the directory is
 */
public record RepositoryConfig(Map<String, ModelSettings> models, boolean listedOnly) {
  public static final RepositoryConfig EMPTY = new RepositoryConfig(Map.of(), false);
  /** Label names: safe in a URL path segment and a YAML key. */
  public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  public RepositoryConfig {
    models = Map.copyOf(new TreeMap<>(models));
  }

  /** The models of a repository listing ({@code onDisk}, by model name) that this configuration serves. */
  public <V> Map<String, V> served(Map<String, V> onDisk) {
    if (!listedOnly) {
      return onDisk;
    }
    Map<String, V> served = new TreeMap<>(onDisk);
    served.keySet().retainAll(models.keySet());
    return served;
  }

  public ModelSettings settings(String model) {
    return models.getOrDefault(model, ModelSettings.DEFAULT);
  }
}
