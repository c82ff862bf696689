package io.prodline.train.tune;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prodline.core.error.ProdlineException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tuner may vary, read from YAML:
 * <pre>
 * metric: roc_auc                 # optional; default roc_auc, log_loss or rmse by task
 * fixed: {rounds: 200}            # passed to every trial unchanged
 * params:
 *   max_depth: {int: [2, 10]}
 *   eta: {float: [0.01, 0.3], log: true}
 *   booster: {choice: [gbtree, gblinear]}
 * halving: {param: rounds, min: 10, max: 270, factor: 3}   # successive halving's budget
 * </pre>
 * Grid search takes every integer of an int range (at most {@code steps} of them, evenly spaced), {@code steps}
 * points of a float range (default 5, log-spaced with {@code log: true}) and every choice.
 */
public record SearchSpace(@JsonProperty("metric") String metric,
                          @JsonProperty("fixed") Map<String, Object> fixed,
                          @JsonProperty("params") Map<String, Range> params,
                          @JsonProperty("halving") Halving halving) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public SearchSpace {
    fixed = fixed == null ? Map.of() : new LinkedHashMap<>(fixed);
    params = params == null ? Map.of() : new LinkedHashMap<>(params);
    if (params.isEmpty()) {
      throw new IllegalArgumentException("the search space has no params to vary");
    }
    params.forEach((name, range) -> range.check(name));
  }

  /**
   * One parameter's range: exactly one of {@code int}, {@code float} (each [min, max]) or {@code choice}.
   *
   * @param log sample (random) or space (grid) on a log scale; needs min > 0
   * @param steps grid points for a float range, most grid points for an int range
   */
  public record Range(@JsonProperty("int") List<Long> ints, @JsonProperty("float") List<Double> floats,
                      @JsonProperty("choice") List<Object> choice, @JsonProperty("log") boolean log,
                      @JsonProperty("steps") Integer steps) {
    void check(String name) {
      int kinds = (ints != null ? 1 : 0) + (floats != null ? 1 : 0) + (choice != null ? 1 : 0);
      if (kinds != 1) {
        throw new IllegalArgumentException("param '" + name + "' must have exactly one of int: [min, max], "
            + "float: [min, max] or choice: [a, b, ...]");
      }
      List<? extends Number> bounds = ints != null ? ints : floats;
      if (bounds != null && (bounds.size() != 2 || bounds.get(0).doubleValue() > bounds.get(1).doubleValue())) {
        throw new IllegalArgumentException("param '" + name + "' needs [min, max] with min <= max, got " + bounds);
      }
      if (log && (bounds == null || bounds.get(0).doubleValue() <= 0)) {
        throw new IllegalArgumentException("param '" + name + "' is on a log scale, so it needs a numeric range "
            + "with min > 0");
      }
      if (choice != null && choice.isEmpty()) {
        throw new IllegalArgumentException("param '" + name + "' has no choices");
      }
    }
  }

  /** Successive halving's budget: the parameter that grows, from {@code min} to {@code max}, times {@code factor}. */
  public record Halving(@JsonProperty("param") String param, @JsonProperty("min") int min,
                        @JsonProperty("max") int max, @JsonProperty("factor") Integer factor) {
    public Halving {
      factor = factor == null ? 3 : factor;
      if (param == null || min < 1 || max < min || factor < 2) {
        throw new IllegalArgumentException("halving needs param, 1 <= min <= max and factor >= 2; got param "
            + param + ", min " + min + ", max " + max + ", factor " + factor);
      }
    }
  }

  public static SearchSpace read(Path file) {
    try {
      return YAML.readValue(file.toFile(), SearchSpace.class);
    } catch (IOException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
      throw new ProdlineException(file + ": not a valid search space: " + cause.getMessage().lines().findFirst()
          .orElse("unknown error"), e);
    }
  }
}
