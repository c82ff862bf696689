package io.prodline.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.HistogramBucket;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of re-bucketing, JS divergence and L-infinity. */
class SmallComparisonsTest {

  private static DatasetStatistics stats(Column column, StatisticsOptions options) {
    return new StatisticsCollector(options.withThreads(1))
        .collect(List.of(Frame.of(List.of("x"), List.of(column))).iterator());
  }

  @Test
  void rebucketsOntoTheUnionOfBoundariesWithUniformDensity() {
    // A: 4 values in [0, 2]; B: 2 values in [1, 3]. Union bounds 0, 1, 2, 3.
    double[] bounds = {0, 1, 2, 3};
    assertThat(UnionHistograms.rebucket(List.of(new HistogramBucket(0, 2, 4)), bounds)).containsExactly(2, 2, 0);
    assertThat(UnionHistograms.rebucket(List.of(new HistogramBucket(1, 3, 2)), bounds)).containsExactly(0, 1, 1);
    // p = (1/2, 1/2, 0), q = (0, 1/2, 1/2), m = (1/4, 1/2, 1/4): KL(p||m) = KL(q||m) = 1/2 bit.
    // scipy: jensenshannon([.5, .5, 0], [0, .5, .5], base=2)**2 = 0.5000000000000001
    assertThat(JensenShannon.divergence(new double[] {.5, .5, 0}, new double[] {0, .5, .5}))
        .isCloseTo(0.5, within(1e-15));
  }

  @Test
  void aConstantFeatureIsAPointMassInTheUnionBucketHoldingIt() {
    double[] bounds = {0, 1, 2};
    assertThat(UnionHistograms.rebucket(List.of(new HistogramBucket(1, 1, 3)), bounds)).containsExactly(3, 0);
    assertThat(UnionHistograms.rebucket(List.of(new HistogramBucket(0, 0, 3)), bounds)).containsExactly(3, 0);
    assertThat(UnionHistograms.rebucket(List.of(new HistogramBucket(5, 5, 3)), new double[] {5})).containsExactly(3);
    // p = (1, 0), q = (1/2, 1/2): scipy jensenshannon([1, 0], [.5, .5], base=2)**2 = 0.3112781244591328
    assertThat(JensenShannon.divergence(new double[] {1, 0}, new double[] {.5, .5}))
        .isCloseTo(0.3112781244591328, within(1e-15));
  }

  @Test
  void nanIsComparedAsItsOwnBin() {
    // Same finite shape; A has half NaN. Bins (first bucket, last bucket, nan): p = (1/4, 1/4, 1/2),
    // q = (1/2, 1/2, 0). scipy: jensenshannon([.25, .25, .5], [.5, .5, 0], base=2)**2 = 0.3112781244591328
    DatasetStatistics a = stats(Float64Column.of(1, 2, Double.NaN, Double.NaN), StatisticsOptions.defaults());
    DatasetStatistics b = stats(Float64Column.of(1, 2, 1, 2), StatisticsOptions.defaults());
    NumericComparison c = DistributionComparison.compare(a, b).feature("x").orElseThrow().numeric();
    assertThat(c.jensenShannonDivergence()).isCloseTo(0.3112781244591328, within(1e-15));
    assertThat(c.bins()).last().satisfies(bin -> {
      assertThat(bin.special()).isEqualTo(SpecialValue.NAN);
      assertThat(bin.baseline()).isEqualTo(0.5);
      assertThat(bin.current()).isZero();
    });
    // KS and Wasserstein use the finite values only, which agree.
    assertThat(c.kolmogorovSmirnov().statistic()).isZero();
    assertThat(c.wasserstein().distance()).isZero();
  }

  @Test
  void infinityNormComparesTheOtherMassWhenTopValuesAreTruncated() {
    // top_k = 2. A: a a a b c d (a 1/2, b 1/6, other 1/3); B: a b b b b c (b 2/3, a 1/6, other 1/6).
    StatisticsOptions top2 = new StatisticsOptions(200, 10, 10, 2, 1024, 12, null, null, 1000, Set.of(), 1);
    DatasetStatistics a = stats(StringColumn.of("a", "a", "a", "b", "c", "d"), top2);
    DatasetStatistics b = stats(StringColumn.of("a", "b", "b", "b", "b", "c"), top2);
    CategoricalComparison c = DistributionComparison.compare(a, b).feature("x").orElseThrow().categorical();
    assertThat(c.values()).extracting(ComparedValue::value).containsExactly("a", "b", null);
    double[][] shares = {{3 / 6.0, 1 / 6.0}, {1 / 6.0, 4 / 6.0}, {2 / 6.0, 1 / 6.0}};
    for (int i = 0; i < shares.length; i++) {
      assertThat(c.values().get(i).baseline()).isCloseTo(shares[i][0], within(1e-15));
      assertThat(c.values().get(i).current()).isCloseTo(shares[i][1], within(1e-15));
    }
    // |1/6 - 4/6| = 1/2 at b.
    assertThat(c.infinityNorm()).isCloseTo(0.5, within(1e-15));
    assertThat(c.infinityNormValue()).isEqualTo("b");
  }

  @Test
  void boolFeaturesCompareTrueAndFalseShares() {
    DatasetStatistics a = stats(BoolColumn.of(true, true, true, false),
        StatisticsOptions.defaults());
    DatasetStatistics b = stats(BoolColumn.of(true, false, false, false),
        StatisticsOptions.defaults());
    assertThat(DistributionComparison.compare(a, b).feature("x").orElseThrow().categorical().infinityNorm())
        .isEqualTo(0.5);
  }
}
