package io.prodline.data.drift;

import io.prodline.data.schema.FeatureKind;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.NumericStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two data sets' statistics feature by feature: drift (previous span vs current span) and skew
 * (training vs serving) use the same comparison. Categorical features (string, bool, int64 whose statistics were
 * computed as categorical) get the L-infinity distance of their value frequencies; numeric features the Jensen–Shannon divergence and PSI of their union-boundary histograms
 * (NaN and infinities as extra bins), and the Kolmogorov–Smirnov test and Wasserstein distance of their finite
 * values. Definitions in {@code docs/validation.md}.
 */
public final class DistributionComparison {
  private DistributionComparison() {}

  public static DatasetComparison compare(DatasetStatistics baseline, DatasetStatistics current) {
    Map<String, FeatureStatistics> currentByName = new LinkedHashMap<>();
    current.features().forEach(f -> currentByName.put(f.name(), f));
    List<FeatureComparison> features = new ArrayList<>();
    List<NotCompared> notCompared = new ArrayList<>();
    for (FeatureStatistics b : baseline.features()) {
      FeatureStatistics c = currentByName.remove(b.name());
      String reason = c == null ? "it is only in the baseline" : whyNotComparable(b, c);
      if (reason == null) {
        features.add(compare(b, c));
      } else {
        notCompared.add(new NotCompared(b.name(), reason));
      }
    }
    currentByName.keySet().forEach(name -> notCompared.add(new NotCompared(name, "it is only in the current data")));
    return new DatasetComparison(baseline.numExamples(), current.numExamples(), features, notCompared);
  }

  /** Why two statistics of one feature cannot be compared, or null when they can. */
  private static String whyNotComparable(FeatureStatistics b, FeatureStatistics c) {
    if (FeatureKind.of(b) != FeatureKind.of(c)) {
      return "it is " + describe(b) + " in the baseline but " + describe(c) + " in the current data";
    }
    if (b.common().numNonMissing() == 0 || c.common().numNonMissing() == 0) {
      return "it has no value in the " + (b.common().numNonMissing() == 0 ? "baseline" : "current data");
    }
    return null;
  }

  private static String describe(FeatureStatistics f) {
    return FeatureKind.of(f).fileName() + " (" + f.type().fileName() + ")";
  }

  /** Compares one feature's statistics; both must be of the same kind and have non-missing values. */
  public static FeatureComparison compare(FeatureStatistics baseline, FeatureStatistics current) {
    String reason = whyNotComparable(baseline, current);
    if (reason != null) {
      throw new IllegalArgumentException("cannot compare '" + baseline.name() + "': " + reason);
    }
    FeatureKind kind = FeatureKind.of(baseline);
    return kind == FeatureKind.CATEGORICAL
        ? new FeatureComparison(baseline.name(), kind, CategoricalFrequencies.compare(baseline, current), null)
        : new FeatureComparison(baseline.name(), kind, null, numeric(baseline.numeric(), current.numeric()));
  }

  private static NumericComparison numeric(NumericStatistics a, NumericStatistics b) {
    List<ComparedBucket> bins = UnionHistograms.of(a, b);
    double[] p = bins.stream().mapToDouble(ComparedBucket::baseline).toArray();
    double[] q = bins.stream().mapToDouble(ComparedBucket::current).toArray();
    if (a.moments().numFinite() == 0 || b.moments().numFinite() == 0) {
      return new NumericComparison(JensenShannon.divergence(p, q), PopulationStability.index(p, q), null, null,
          bins);
    }
    // One walk over both CDFs gives both the KS statistic and the Wasserstein distance.
    StepCdfs cdfs = StepCdfs.compare(a.quantiles().cdf(), b.quantiles().cdf());
    return new NumericComparison(JensenShannon.divergence(p, q), PopulationStability.index(p, q),
        kolmogorovSmirnov(a, b, cdfs.maxDistance()), wasserstein(a, b, cdfs.area()), bins);
  }

  private static KolmogorovSmirnovResult kolmogorovSmirnov(NumericStatistics a, NumericStatistics b, double d) {
    long n = a.moments().numFinite();
    long m = b.moments().numFinite();
    double bound = error(a) + error(b);
    double p = KolmogorovSmirnovPValue.pValue(d, n, m);
    // Exact sketches (no bound) have one p-value; the exact method is a walk over an n x m lattice, done once.
    double pMin = bound == 0 ? p : KolmogorovSmirnovPValue.pValue(Math.min(1, d + bound), n, m);
    double pMax = bound == 0 ? p : KolmogorovSmirnovPValue.pValue(Math.max(0, d - bound), n, m);
    return new KolmogorovSmirnovResult(d, bound, p, pMin, pMax, KolmogorovSmirnovPValue.method(n, m), n, m);
  }

  private static WassersteinResult wasserstein(NumericStatistics a, NumericStatistics b, double distance) {
    return new WassersteinResult(distance, range(a) * error(a) + range(b) * error(b));
  }

  /** How far a side's steps may be from its sample's CDF at any x. */
  private static double error(NumericStatistics side) {
    return StepCdfs.error(side.quantiles().cdf(), side.quantiles().normalizedRankError());
  }

  /** Outside [min, max] (exact in the sketch) a side's steps are exactly 0 or 1, so its error spans only this. */
  private static double range(NumericStatistics side) {
    List<Double> values = side.quantiles().cdf().values();
    return values.get(values.size() - 1) - values.get(0);
  }
}
