package io.prodline.serving.repository;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The model config file's content: settings by model name; unnamed models get {@link ModelSettings#DEFAULT}. */
public record RepositoryConfig(Map<String, ModelSettings> models) {
  public static final RepositoryConfig EMPTY = new RepositoryConfig(Map.of());
  /** Label names: safe in a URL path segment and a YAML key. */
  public static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  public RepositoryConfig {
    models = Map.copyOf(new TreeMap<>(models));
  }

  public ModelSettings settings(String model) {
    return models.getOrDefault(model, ModelSettings.DEFAULT);
  }
}
