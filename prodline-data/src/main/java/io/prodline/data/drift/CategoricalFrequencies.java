package io.prodline.data.drift;

import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * L-infinity distance of two categorical features' value frequencies. Each side's frequency of a value is its
 * count over the side's non-missing values: for strings (and categorical int64) the counts of the top values (a value missing from a
 * side's list counts 0 there), for bool the true and false counts. The mass of values outside a side's list,
 * {@code 1 - sum of listed frequencies}, is compared as one more category, "other", so that a truncated top-k
 * never makes a side's frequencies sum to less than 1. TFDV normalises over the listed values only.
 */
final class CategoricalFrequencies {
  private CategoricalFrequencies() {}

  static CategoricalComparison compare(FeatureStatistics baseline, FeatureStatistics current) {
    Map<String, Double> a = frequencies(baseline);
    Map<String, Double> b = frequencies(current);
    Set<String> values = new LinkedHashSet<>(a.keySet());
    values.addAll(b.keySet());
    List<ComparedValue> compared = new ArrayList<>();
    for (String v : values) {
      compared.add(new ComparedValue(v, a.getOrDefault(v, 0.0), b.getOrDefault(v, 0.0)));
    }
    double otherA = other(a);
    double otherB = other(b);
    if (otherA > 0 || otherB > 0) {
      compared.add(new ComparedValue(null, otherA, otherB));
    }
    double max = 0;
    String argMax = null;
    for (ComparedValue c : compared) {
      double distance = Math.abs(c.baseline() - c.current());
      if (distance > max) {
        max = distance;
        argMax = c.value();
      }
    }
    return new CategoricalComparison(max, argMax, compared);
  }

  private static Map<String, Double> frequencies(FeatureStatistics f) {
    double present = f.common().numNonMissing();
    Map<String, Double> shares = new LinkedHashMap<>();
    if (f.bool() != null) {
      shares.put("true", f.bool().numTrue() / present);
      shares.put("false", (present - f.bool().numTrue()) / present);
      return shares;
    }
    for (ValueCount vc : f.string().topValues().topValues()) {
      shares.put(vc.value(), vc.count() / present);
    }
    return shares;
  }

  /** The share of values outside the list; rounding below 1e-12 is taken as none. */
  private static double other(Map<String, Double> shares) {
    double listed = shares.values().stream().mapToDouble(Double::doubleValue).sum();
    double rest = 1 - listed;
    return rest > 1e-12 ? rest : 0;
  }
}
