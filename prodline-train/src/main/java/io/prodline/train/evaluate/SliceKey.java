package io.prodline.train.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rows a slice holds: a value for each slicing feature (a category, or a bucket written {@code [lo, hi)}).
 * No features is the whole data set. The {@link #name()} is the slice's identity in reports and thresholds.
 */
public record SliceKey(List<String> features, List<String> values) {
  /** The name of the whole data set. */
  public static final String OVERALL_NAME = "overall";
  public static final SliceKey OVERALL = new SliceKey(List.of(), List.of());

  public SliceKey {
    features = List.copyOf(features);
    values = List.copyOf(values);
    if (features.size() != values.size()) {
      throw new IllegalArgumentException(features.size() + " features for " + values.size() + " values");
    }
  }

  static SliceKey of(String feature, String value) {
    return new SliceKey(List.of(feature), List.of(value));
  }

  /** This key followed by {@code other}'s features: the key of a cross. */
  SliceKey and(SliceKey other) {
    List<String> f = new ArrayList<>(features);
    f.addAll(other.features);
    List<String> v = new ArrayList<>(values);
    v.addAll(other.values);
    return new SliceKey(f, v);
  }

  /** {@code overall}, {@code country=DE}, or {@code country=DE, age=[18, 30)} for a cross. */
  public String name() {
    if (features.isEmpty()) {
      return OVERALL_NAME;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < features.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(features.get(i)).append('=').append(values.get(i));
    }
    return sb.toString();
  }

  /** Feature name to value, in slicing order. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < features.size(); i++) {
      map.put(features.get(i), values.get(i));
    }
    return map;
  }
}
