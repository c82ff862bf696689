package io.prodline.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Frame;
import io.prodline.data.source.csv.CsvSource;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.MomentStatistics;
import io.prodline.data.stats.Quantile;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The shipped breast_cancer.csv (569 rows, 212 malignant, 357 benign), sliced by diagnosis, against numpy 1.24.2 /
 * scipy 1.10.1 on the raw rows:
 *
 * <pre>{@code
 * import csv, numpy as np
 * from scipy import stats
 * rows = list(csv.DictReader(open('examples/data/breast_cancer.csv')))
 * def col(name, diagnosis=None):
 *     return np.array([float(r[name]) for r in rows if diagnosis in (None, r['diagnosis'])])
 * x = col(name)
 * len(x), x.mean(), x.std(), x.min(), x.max(), (x == 0).sum()     # std: population (ddof=0)
 * np.quantile(x, np.arange(11) / 10, method='inverted_cdf')     # the inclusive rank rule
 * a, b = col(name, 'malignant'), col(name, 'benign')
 * stats.ks_2samp(a, b)                                          # method='auto': exact here
 * stats.wasserstein_distance(a, b)
 * }</pre>
 *
 * Every feature has fewer values than the default KLL sketch keeps (1,024), so quantiles and the comparison of
 * the two slices are exact.
 */
class BreastCancerReferenceTest {
  private static DatasetStatistics statistics;

  @BeforeAll
  static void read() {
    Frame all;
    try (CsvSource source = CsvSource.open(Path.of("../examples/data/breast_cancer.csv"))) {
      all = source.readAll();
    }
    statistics = new StatisticsCollector(StatisticsOptions.defaults().withSliceColumn("diagnosis").withThreads(1))
        .collect(List.of(all).iterator());
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = ';', value = {
      "mean_radius; 14.127291739894552; 3.520950760711062; 6.981; 28.11; 0;"
          + " 6.981 10.26 11.36 12.0 12.72 13.37 14.06 15.06 17.08 19.53 28.11",
      "mean_concavity; 0.0887993158172232; 0.07964972534603185; 0.0; 0.4268; 13;"
          + " 0.0 0.01367 0.0249 0.03416 0.04505 0.06154 0.08625 0.1122 0.1508 0.2032 0.4268",
      "worst_area; 880.5831282952548; 568.8564589532671; 185.2; 4254.0; 0;"
          + " 185.2 384.0 475.8 544.1 599.5 686.5 782.1 928.2 1269.0 1681.0 4254.0"})
  void momentsAndDecilesMatchNumpy(String feature, double mean, double std, double min, double max, long zeros,
      String deciles) {
    MomentStatistics m = statistics.feature(feature).numeric().moments();
    assertThat(m.numFinite()).isEqualTo(569);
    assertThat(m.mean()).isCloseTo(mean, within(1e-12 * Math.abs(mean)));
    assertThat(m.stdDev()).isCloseTo(std, within(1e-12 * std));
    assertThat(m.min()).isEqualTo(min);
    assertThat(m.max()).isEqualTo(max);
    assertThat(m.numZeros()).isEqualTo(zeros);
    List<Double> values = statistics.feature(feature).numeric().quantiles().quantiles().stream()
        .map(Quantile::value).toList();
    assertThat(values).containsExactlyElementsOf(
        Arrays.stream(deciles.trim().split(" ")).map(Double::valueOf).toList());
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource({
      "mean_radius, 0.728621637334179, 3.3822953151244096e-69, 5.316306379155436",
      "mean_concavity, 0.7614819512710744, 1.5227309918224835e-76, 0.11471709597272871",
      "worst_area, 0.8108583055863855, 8.008076744762078e-89, 863.3868809788067"})
  void malignantAgainstBenignMatchesScipy(String feature, double d, double p, double wasserstein) {
    NumericComparison c = DistributionComparison.compare(statistics.slice("malignant"), statistics.slice("benign"))
        .feature(feature).orElseThrow().numeric();
    KolmogorovSmirnovResult ks = c.kolmogorovSmirnov();
    assertThat(ks.baselineCount()).isEqualTo(212);
    assertThat(ks.currentCount()).isEqualTo(357);
    assertThat(ks.method()).isEqualTo(KolmogorovSmirnovPValue.Method.EXACT);
    assertThat(ks.statistic()).isCloseTo(d, within(1e-12));
    assertThat(ks.statisticErrorBound()).isZero();
    assertThat(ks.pValue()).isCloseTo(p, within(1e-9 * p));
    assertThat(ks.conclusion(0.05)).isEqualTo(KolmogorovSmirnovResult.Conclusion.DIFFERENT);
    assertThat(c.wasserstein().distance()).isCloseTo(wasserstein, within(1e-9 * wasserstein));
    assertThat(c.wasserstein().errorBound()).isZero();
  }

  @Test
  void theSlicesAreTheDiagnoses() {
    assertThat(statistics.slices().keySet()).containsExactly("benign", "malignant");
    assertThat(statistics.slice("malignant").numExamples()).isEqualTo(212);
    assertThat(statistics.slice("benign").numExamples()).isEqualTo(357);
  }
}
