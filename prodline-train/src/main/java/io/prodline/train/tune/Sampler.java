package io.prodline.train.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns a {@link SearchSpace} into concrete configurations: random draws or the full grid. */
final class Sampler {
  static final int DEFAULT_STEPS = 5;
  static final int MAX_GRID = 10_000;

  private Sampler() {}

  static List<Map<String, Object>> random(SearchSpace space, int count, long seed) {
    Random random = new Random(seed);
    List<Map<String, Object>> configs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> config = new LinkedHashMap<>();
      space.params().forEach((name, range) -> config.put(name, draw(range, random)));
      configs.add(config);
    }
    return configs;
  }

  private static Object draw(SearchSpace.Range r, Random random) {
    if (r.choice() != null) {
      return r.choice().get(random.nextInt(r.choice().size()));
    }
    double min = r.ints() != null ? r.ints().get(0) : r.floats().get(0);
    double max = r.ints() != null ? r.ints().get(1) : r.floats().get(1);
    if (r.ints() != null) {
      // Widen by half a step so both ends are as likely as any other integer.
      double x = scale(r.log(), min - (r.log() ? 0 : 0.5), max + 0.5, random.nextDouble());
      return Math.max((long) min, Math.min((long) max, Math.round(x)));
    }
    return scale(r.log(), min, max, random.nextDouble());
  }

  private static double scale(boolean log, double min, double max, double u) {
    return log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
  }

  static List<Map<String, Object>> grid(SearchSpace space) {
    List<Map<String, Object>> configs = new ArrayList<>();
    configs.add(new LinkedHashMap<>());
    for (Map.Entry<String, SearchSpace.Range> p : space.params().entrySet()) {
      List<Object> values = points(p.getValue());
      if ((long) configs.size() * values.size() > MAX_GRID) {
        throw new IllegalArgumentException("the grid has more than " + MAX_GRID + " points; narrow the ranges, "
            + "lower steps, or use random search");
      }
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> config : configs) {
        for (Object v : values) {
          Map<String, Object> c = new LinkedHashMap<>(config);
          c.put(p.getKey(), v);
          next.add(c);
        }
      }
      configs = next;
    }
    return configs;
  }

  private static List<Object> points(SearchSpace.Range r) {
    if (r.choice() != null) {
      return r.choice();
    }
    int steps = r.steps() == null ? DEFAULT_STEPS : r.steps();
    List<Object> values = new ArrayList<>();
    if (r.ints() != null) {
      long min = r.ints().get(0);
      long max = r.ints().get(1);
      if (max - min + 1 <= steps || r.steps() == null && !r.log()) {
        for (long v = min; v <= max; v++) {
          values.add(v);
        }
        return values;
      }
      for (int i = 0; i < steps; i++) {
        long v = Math.round(scale(r.log(), min, max, steps == 1 ? 0 : i / (double) (steps - 1)));
        if (!values.contains(v)) {
          values.add(v);
        }
      }
      return values;
    }
    for (int i = 0; i < steps; i++) {
      values.add(scale(r.log(), r.floats().get(0), r.floats().get(1), steps == 1 ? 0 : i / (double) (steps - 1)));
    }
    return values;
  }
}
