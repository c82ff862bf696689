package io.prodline.train.trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-row sample weights that make rare classes count more, for imbalanced classification. Written as
 * {@code none}, {@code balanced} (scikit-learn's {@code compute_class_weight("balanced")}: a class of count
 * {@code n_c} among {@code n} rows and {@code k} classes weighs {@code n / (k * n_c)}), or explicit
 * {@code class=weight} pairs separated by commas (unnamed classes weigh 1).
 */
public record ClassWeights(String spec) {
  public static final ClassWeights NONE = new ClassWeights("none");

  public ClassWeights {
    spec = spec == null || spec.isBlank() ? "none" : spec.strip();
    if (!spec.equals("none") && !spec.equals("balanced")) {
      explicit(spec);
    }
  }

  public boolean isNone() {
    return spec.equals("none");
  }

  /** One weight per target; null when no weighting applies. */
  public float[] weights(float[] targets, List<String> classes) {
    if (isNone()) {
      return null;
    }
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("class weights '" + spec + "' need a classification task");
    }
    double[] perClass = new double[classes.size()];
    if (spec.equals("balanced")) {
      long[] counts = new long[classes.size()];
      for (float t : targets) {
        counts[(int) t]++;
      }
      for (int c = 0; c < counts.length; c++) {
        perClass[c] = counts[c] == 0 ? 1 : (double) targets.length / (classes.size() * (double) counts[c]);
      }
    } else {
      Map<String, Double> given = explicit(spec);
      for (String name : given.keySet()) {
        if (!classes.contains(name)) {
          throw new IllegalArgumentException("class weights name class '" + name + "', but the classes are " + classes);
        }
      }
      for (int c = 0; c < perClass.length; c++) {
        perClass[c] = given.getOrDefault(classes.get(c), 1.0);
      }
    }
    float[] w = new float[targets.length];
    for (int row = 0; row < targets.length; row++) {
      w[row] = (float) perClass[(int) targets[row]];
    }
    return w;
  }

  private static Map<String, Double> explicit(String spec) {
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String pair : spec.split(",")) {
      int eq = pair.lastIndexOf('=');
      double weight;
      try {
        weight = eq < 1 ? Double.NaN : Double.parseDouble(pair.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        weight = Double.NaN;
      }
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "class weights '%s': '%s' is not class=weight with a positive weight; use none, balanced or e.g. yes=3,no=1",
            spec, pair.strip()));
      }
      weights.put(pair.substring(0, eq).strip(), weight);
    }
    return weights;
  }
}
