package io.prodline.data.drift;

import io.prodline.data.schema.FeatureKind;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.FeatureStatistics;
import io.prodline.data.stats.NumericStatistics;
import java.util.ArrayList;
import java.util.HashMap;
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
    Map<String, FeatureStatistics> currentByName = new HashMap<>();
    current.features().forEach(f -> currentByName.put(f.name(), f));
    List<FeatureComparison> features = new ArrayList<>();
    for (FeatureStatistics b : baseline.features()) {
      FeatureStatistics c = currentByName.get(b.name());
      if (c != null && comparable(b, c)) {
        features.add(compare(b, c));
      }
    }
    return new DatasetComparison(baseline.numExamples(), current.numExamples(), features);
  }

  private static boolean comparable(FeatureStatistics b, FeatureStatistics c) {
    return FeatureKind.of(b) == FeatureKind.of(c)
        && b.common().numNonMissing() > 0 && c.common().numNonMissing() > 0;
  }

  /** Compares one feature's statistics; both must be of the same kind and have non-missing values. */
  public static FeatureComparison compare(FeatureStatistics baseline, FeatureStatistics current) {
    if (!comparable(baseline, current)) {
      throw new IllegalArgumentException("cannot compare '" + baseline.name() + "' (" + baseline.type().fileName()
          + ") with '" + current.name() + "' (" + current.type().fileName()
          + "): both need the same kind and at least one non-missing value");
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
    boolean finite = a.moments().numFinite() > 0 && b.moments().numFinite() > 0;
    return new NumericComparison(JensenShannon.divergence(p, q), PopulationStability.index(p, q),
        finite ? kolmogorovSmirnov(a, b) : null, finite ? wasserstein(a, b) : null, bins);
  }

  private static KolmogorovSmirnovResult kolmogorovSmirnov(NumericStatistics a, NumericStatistics b) {
    QuantileSteps sa = QuantileSteps.of(a.quantiles());
    QuantileSteps sb = QuantileSteps.of(b.quantiles());
    long n = a.moments().numFinite();
    long m = b.moments().numFinite();
    double d = QuantileSteps.maxCdfDistance(sa, sb);
    double bound = Math.max(1.0 / sa.buckets(), 1.0 / sb.buckets()) + sa.rankError() + sb.rankError();
    return new KolmogorovSmirnovResult(d, bound, KolmogorovSmirnovPValue.pValue(d, n, m),
        KolmogorovSmirnovPValue.method(n, m), n, m);
  }

  private static WassersteinResult wasserstein(NumericStatistics a, NumericStatistics b) {
    QuantileSteps sa = QuantileSteps.of(a.quantiles());
    QuantileSteps sb = QuantileSteps.of(b.quantiles());
    double bound = sa.range() * (1.0 / sa.buckets() + 2 * sa.rankError())
        + sb.range() * (1.0 / sb.buckets() + 2 * sb.rankError());
    return new WassersteinResult(QuantileSteps.quantileDistance(sa, sb), bound);
  }
}
