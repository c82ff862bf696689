package io.prodline.pipeline.components;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout of a hyperparameters artifact (the Tuner's output): {@code hyperparameters.json} holding
 * {@code params} (the best configuration, XGBoost names, fixed values included), the {@code metric} and its
 * {@code score} on the eval split, the number of {@code trials} and the {@code explanation} of the choice.
 */
public final class Hyperparameters {
  public static final String FILE = "hyperparameters.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Hyperparameters() {}

  static void write(Path folder, Map<String, Object> params, String metric, double score, int trials,
      String explanation) throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("params", new TreeMap<>(params));
    doc.put("metric", metric);
    doc.put("score", score);
    doc.put("trials", trials);
    doc.put("explanation", explanation);
    JSON.writeValue(folder.resolve(FILE).toFile(), doc);
  }

  /** The best configuration's parameters, by XGBoost name. */
  public static Map<String, Object> params(Path folder) throws IOException {
    Map<String, Object> doc = JSON.readValue(folder.resolve(FILE).toFile(), new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) doc.get("params");
    return params == null ? Map.of() : params;
  }
}
