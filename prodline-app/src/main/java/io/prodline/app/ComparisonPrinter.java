package io.prodline.app;

import io.prodline.data.drift.DatasetComparison;
import io.prodline.data.drift.FeatureComparison;
import io.prodline.data.drift.NumericComparison;
import io.prodline.data.validation.ComparisonChecks;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a comparison one feature per line: the distance a threshold applies to (L-infinity or JS divergence)
 * with the threshold and whether it is above, then PSI, the KS statistic and p-value and the Wasserstein
 * distance of numeric features.
 */
final class ComparisonPrinter {
  private ComparisonPrinter() {}

  static void print(DatasetComparison comparison, Map<String, Double> thresholds, PrintStream out) {
    out.printf(Locale.ROOT, "  %-20s %-12s %-6s %9s %-15s %9s %8s %9s %11s%n", "feature", "kind", "metric",
        "distance", "threshold", "psi", "ks_d", "ks_p", "wasserstein");
    for (FeatureComparison f : comparison.features()) {
      double distance = ComparisonChecks.distance(f);
      Double threshold = thresholds.get(f.name());
      String verdict = threshold == null ? "-"
          : String.format(Locale.ROOT, "%.4g %s", threshold, distance > threshold ? "ABOVE" : "ok");
      out.printf(Locale.ROOT, "  %-20s %-12s %-6s %9.4g %-15s %s%n", f.name(), f.kind().fileName(),
          f.categorical() != null ? "L-inf" : "JSD", distance, verdict,
          f.numeric() == null ? "" : numeric(f.numeric()));
    }
  }

  private static String numeric(NumericComparison n) {
    String psi = String.format(Locale.ROOT, "%9.4g", n.populationStabilityIndex());
    String ks = n.kolmogorovSmirnov() == null ? String.format(Locale.ROOT, "%8s %9s", "-", "-")
        : String.format(Locale.ROOT, "%8.4g %9.3g", n.kolmogorovSmirnov().statistic(), n.kolmogorovSmirnov().pValue());
    String w = n.wasserstein() == null ? String.format(Locale.ROOT, "%11s", "-")
        : String.format(Locale.ROOT, "%11.4g", n.wasserstein().distance());
    return psi + " " + ks + " " + w;
  }
}
