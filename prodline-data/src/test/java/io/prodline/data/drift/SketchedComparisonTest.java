package io.prodline.data.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Frame;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.stats.DatasetStatistics;
import io.prodline.data.stats.StatisticsCollector;
import io.prodline.data.stats.StatisticsOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of samples too large for the sketch to keep, against the statistics of the raw samples computed
 * here by other formulas: D by counting each sample's values at or below every value with binary searches, and,
 * for two samples of the same size, Wasserstein-1 as the mean absolute difference of the sorted samples
 * (scipy's {@code wasserstein_distance} for equal sizes).
 */
class SketchedComparisonTest {
  private static final int N = 200_000;

  private static DatasetStatistics stats(double[] values) {
    Frame frame = Frame.of(List.of("x"), List.<Column>of(Float64Column.of(values)));
    return new StatisticsCollector(StatisticsOptions.defaults().withThreads(2)).collect(List.of(frame).iterator());
  }

  private static double[] normal(long seed, double shift) {
    Random random = new Random(seed);
    double[] values = new double[N];
    for (int i = 0; i < N; i++) {
      values[i] = random.nextGaussian() + shift;
    }
    return values;
  }

  private static double ksStatistic(double[] sortedA, double[] sortedB) {
    double d = 0;
    for (double[] side : List.of(sortedA, sortedB)) {
      for (double x : side) {
        d = Math.max(d, Math.abs(atOrBelow(sortedA, x) / (double) sortedA.length
            - atOrBelow(sortedB, x) / (double) sortedB.length));
      }
    }
    return d;
  }

  private static int atOrBelow(double[] sorted, double x) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  @Test
  void estimatesStayWithinTheirBoundsAndTheBoundsAreTight() {
    double[] a = normal(1, 0);
    double[] b = normal(2, 0.05);
    NumericComparison c = DistributionComparison.compare(stats(a), stats(b)).feature("x").orElseThrow().numeric();
    Arrays.sort(a);
    Arrays.sort(b);
    double d = ksStatistic(a, b);
    double w = 0;
    for (int i = 0; i < N; i++) {
      w += Math.abs(a[i] - b[i]) / N;
    }

    KolmogorovSmirnovResult ks = c.kolmogorovSmirnov();
    assertThat(ks.statisticErrorBound()).isPositive().isLessThan(0.02);
    assertThat(Math.abs(ks.statistic() - d)).isLessThanOrEqualTo(ks.statisticErrorBound());
    assertThat(c.wasserstein().errorBound()).isPositive();
    assertThat(Math.abs(c.wasserstein().distance() - w)).isLessThanOrEqualTo(c.wasserstein().errorBound());
    // A 0.05 shift in 200,000 values is far beyond what the error leaves open.
    assertThat(ks.conclusion(0.05)).isEqualTo(KolmogorovSmirnovResult.Conclusion.DIFFERENT);
  }

  @Test
  void aSampleComparedWithItselfShowsNoDifference() {
    DatasetStatistics a = stats(normal(3, 0));
    NumericComparison c = DistributionComparison.compare(a, a).feature("x").orElseThrow().numeric();
    assertThat(c.kolmogorovSmirnov().statistic()).isZero();
    assertThat(c.wasserstein().distance()).isZero();
    assertThat(c.kolmogorovSmirnov().conclusion(0.05)).isNotEqualTo(KolmogorovSmirnovResult.Conclusion.DIFFERENT);
  }

  @Test
  void featuresThatCannotBeComparedAreListedWithTheirReason() {
    Frame numbers = Frame.of(List.of("x", "only_baseline"),
        List.<Column>of(Float64Column.of(1, 2, 3), Float64Column.of(1, 1, 1)));
    Frame text = Frame.of(List.of("x", "only_current"),
        List.<Column>of(StringColumn.of("1", "two", "3"), StringColumn.of("a", "b", "c")));
    StatisticsCollector collector = new StatisticsCollector(StatisticsOptions.defaults().withThreads(1));
    DatasetComparison c = DistributionComparison.compare(collector.collect(List.of(numbers).iterator()),
        collector.collect(List.of(text).iterator()));

    assertThat(c.features()).isEmpty();
    assertThat(c.notCompared()).containsExactly(
        new NotCompared("x", "it is numeric (float64) in the baseline but categorical (string) in the current data"),
        new NotCompared("only_baseline", "it is only in the baseline"),
        new NotCompared("only_current", "it is only in the current data"));
  }
}
