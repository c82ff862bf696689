package io.prodline.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Frame;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drift of seattle-weather 2012 (366 rows) vs 2015 (365 rows) against scipy 1.17.1 / numpy 2.4.6, computed
 * once on the raw rows of examples/data/seattle-weather.csv with:
 *
 * <pre>{@code
 * import csv, numpy as np
 * from scipy import stats
 * from scipy.spatial.distance import jensenshannon
 * rows = list(csv.DictReader(open('examples/data/seattle-weather.csv')))
 * def col(year, name): return np.array([float(r[name]) for r in rows if r['date'].startswith(year)])
 * def hist(x, B=10):  # prodline's equi-width rule: edges min + (max-min)*i/B, buckets (e_i, e_i+1], first closed
 *     mn, mx = x.min(), x.max()
 *     edges = np.array([mn] + [mn + (mx - mn) * i / B for i in range(1, B)] + [mx])
 *     return edges, np.bincount(np.searchsorted(edges[1:-1], x, side='left'), minlength=B).astype(float)
 * def rebucket(edges, counts, union):  # uniform density inside a bucket = linear interpolation of the CDF
 *     return np.diff(np.interp(union, edges, np.concatenate([[0], np.cumsum(counts)])))
 * for name in ['precipitation', 'temp_max', 'temp_min', 'wind']:
 *     a, b = col('2012', name), col('2015', name)
 *     ea, ca = hist(a); eb, cb = hist(b); union = np.union1d(ea, eb)
 *     p = rebucket(ea, ca, union); q = rebucket(eb, cb, union); p, q = p / p.sum(), q / q.sum()
 *     jsd = jensenshannon(p, q, base=2) ** 2          # scipy returns the distance, sqrt(divergence)
 *     pe, qe = np.maximum(p, 1e-4), np.maximum(q, 1e-4)
 *     psi = np.sum((qe - pe) * np.log(qe / pe))
 *     ks = stats.ks_2samp(a, b)                       # method='auto': exact here (max(n, m) <= 10000)
 *     w = stats.wasserstein_distance(a, b)
 * }</pre>
 */
class SeattleWeatherDriftTest {
  private static DatasetComparison exact;
  private static DatasetComparison sketched;

  @BeforeAll
  static void compare() {
    Frame y2012 = SeattleYears.year("2012");
    Frame y2015 = SeattleYears.year("2015");
    assertThat(y2012.rowCount()).isEqualTo(366);
    assertThat(y2015.rowCount()).isEqualTo(365);
    // The default KLL sketch (k = 1024) keeps all 366 values: everything is exact.
    StatisticsOptions defaults = StatisticsOptions.defaults().withThreads(1);
    exact = DistributionComparison.compare(SeattleYears.statistics(y2012, defaults),
        SeattleYears.statistics(y2015, defaults));
    StatisticsOptions compacting = defaults.withKllK(64);
    sketched = DistributionComparison.compare(SeattleYears.statistics(y2012, compacting),
        SeattleYears.statistics(y2015, compacting));
  }

  private static NumericComparison numeric(DatasetComparison c, String feature) {
    return c.feature(feature).orElseThrow().numeric();
  }

  @Test
  void jensenShannonAndPsiMatchScipy() {
    // A KLL sketch that keeps all 366 values makes the equi-width histograms exact counts.
    assertThat(numeric(exact, "precipitation").jensenShannonDivergence()).isCloseTo(0.023043175268140977, within(1e-12));
    assertThat(numeric(exact, "temp_max").jensenShannonDivergence()).isCloseTo(0.04798691642623501, within(1e-12));
    assertThat(numeric(exact, "temp_min").jensenShannonDivergence()).isCloseTo(0.04419372194785498, within(1e-12));
    assertThat(numeric(exact, "wind").jensenShannonDivergence()).isCloseTo(0.03643094194533626, within(1e-12));
    assertThat(numeric(exact, "precipitation").populationStabilityIndex()).isCloseTo(0.1418571460898764, within(1e-12));
    assertThat(numeric(exact, "temp_max").populationStabilityIndex()).isCloseTo(0.2970096296080742, within(1e-12));
    assertThat(numeric(exact, "temp_min").populationStabilityIndex()).isCloseTo(0.2653154015471194, within(1e-12));
    assertThat(numeric(exact, "wind").populationStabilityIndex()).isCloseTo(0.2659145903362936, within(1e-12));
  }

  @Test
  void kolmogorovSmirnovMatchesScipyWithTheDefaultSketch() {
    assertKs("precipitation", 0.09485739950595104, 0.06596320240903518);
    assertKs("temp_max", 0.15254135788606932, 0.00031570876212856956);
    assertKs("temp_min", 0.1180402724754847, 0.011236747256045688);
    assertKs("wind", 0.07620330863088555, 0.21746699885142076);
  }

  private static void assertKs(String feature, double statistic, double pValue) {
    KolmogorovSmirnovResult ks = numeric(exact, feature).kolmogorovSmirnov();
    assertThat(ks.method()).isEqualTo(KolmogorovSmirnovPValue.Method.EXACT);
    assertThat(ks.statistic()).isCloseTo(statistic, within(1e-12));
    assertThat(ks.statisticErrorBound()).isZero();
    assertThat(ks.pValue()).isCloseTo(pValue, within(1e-12 + 1e-9 * pValue));
    assertThat(ks.pValueMin()).isEqualTo(ks.pValue());
    assertThat(ks.pValueMax()).isEqualTo(ks.pValue());
  }

  @Test
  void wassersteinMatchesScipyWithTheDefaultSketch() {
    assertThat(numeric(exact, "precipitation").wasserstein().distance()).isCloseTo(0.9660708136836581, within(1e-9));
    assertThat(numeric(exact, "temp_max").wasserstein().distance()).isCloseTo(2.151169249195299, within(1e-9));
    assertThat(numeric(exact, "temp_min").wasserstein().distance()).isCloseTo(1.5509379444569207, within(1e-9));
    assertThat(numeric(exact, "wind").wasserstein().distance()).isCloseTo(0.24167003518227415, within(1e-9));
  }

  @Test
  void aCompactedSketchStaysWithinItsStatedBounds() {
    double[][] scipy = {{0.09485739950595104, 0.9660708136836581}, {0.15254135788606932, 2.151169249195299},
        {0.1180402724754847, 1.5509379444569207}, {0.07620330863088555, 0.24167003518227415}};
    String[] features = {"precipitation", "temp_max", "temp_min", "wind"};
    for (int i = 0; i < features.length; i++) {
      NumericComparison c = numeric(sketched, features[i]);
      KolmogorovSmirnovResult ks = c.kolmogorovSmirnov();
      assertThat(ks.statisticErrorBound()).isPositive();
      assertThat(ks.statistic()).isCloseTo(scipy[i][0], within(ks.statisticErrorBound()));
      assertThat(c.wasserstein().errorBound()).isPositive();
      assertThat(c.wasserstein().distance()).isCloseTo(scipy[i][1], within(c.wasserstein().errorBound()));
      // The raw samples' p-value lies in the stated range.
      double exactP = numeric(exact, features[i]).kolmogorovSmirnov().pValue();
      assertThat(exactP).isBetween(ks.pValueMin(), ks.pValueMax());
    }
  }

  @Test
  void theConclusionAtFivePercentIsOnlyDrawnWhenTheErrorAllowsIt() {
    // scipy: temp_max p = 3.2e-4 (different), wind p = 0.217 (no evidence), precipitation p = 0.066.
    assertThat(numeric(exact, "temp_max").kolmogorovSmirnov().conclusion(0.05))
        .isEqualTo(KolmogorovSmirnovResult.Conclusion.DIFFERENT);
    assertThat(numeric(exact, "wind").kolmogorovSmirnov().conclusion(0.05))
        .isEqualTo(KolmogorovSmirnovResult.Conclusion.NO_EVIDENCE_OF_A_DIFFERENCE);
    for (String feature : new String[] {"precipitation", "temp_max", "temp_min", "wind"}) {
      KolmogorovSmirnovResult ks = numeric(sketched, feature).kolmogorovSmirnov();
      KolmogorovSmirnovResult.Conclusion truth = numeric(exact, feature).kolmogorovSmirnov().conclusion(0.05);
      assertThat(ks.conclusion(0.05)).isIn(truth, KolmogorovSmirnovResult.Conclusion.INCONCLUSIVE);
    }
  }

  @Test
  void weatherInfinityNormMatchesCounts() {
    // numpy: values drizzle, fog, rain, snow, sun; 2012 counts 31, 5, 191, 21, 118; 2015 counts 7, 173, 5, 0, 180;
    // np.max(np.abs(fa - fb)) with fa = counts / 366, fb = counts / 365.
    CategoricalComparison w = exact.feature("weather").orElseThrow().categorical();
    assertThat(w.infinityNorm()).isCloseTo(0.5081592933602814, within(1e-15));
    assertThat(w.infinityNormValue()).isEqualTo("rain");
    assertThat(w.values()).extracting(ComparedValue::value).doesNotContainNull();
  }
}
