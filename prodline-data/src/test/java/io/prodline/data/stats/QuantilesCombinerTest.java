package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Float64Column;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantilesCombinerTest {

  @Test
  void quantilesAreWithinTheRecordedRankErrorOfExactSortedQuantiles() {
    double[] x = new Random(3).doubles(200_000).map(v -> Math.exp(4 * v)).toArray();
    QuantilesCombiner c = QuantilesCombiner.create(200, 10, 20);
    c.add(Float64Column.of(x));
    QuantileStatistics s = c.result();
    double[] sorted = Reference.sorted(x);

    assertThat(s.k()).isEqualTo(200);
    assertThat(s.normalizedRankError()).isBetween(0.005, 0.02);
    assertThat(s.quantiles()).hasSize(21);
    for (Quantile q : s.quantiles()) {
      assertThat(Reference.rank(sorted, q.value())).as("rank of the %s quantile", q.rank())
          .isCloseTo(q.rank(), within(s.normalizedRankError()));
    }
    assertThat(s.quantiles().get(0).value()).isEqualTo(sorted[0]);
    assertThat(s.quantiles().get(20).value()).isEqualTo(sorted[sorted.length - 1]);
    assertThat(Reference.rank(sorted, s.median())).isCloseTo(0.5, within(s.normalizedRankError()));
  }

  @Test
  void equiWidthHistogramCountsAreWithinThePmfError() {
    double[] x = new Random(4).doubles(100_000).map(v -> v * v * 100).toArray();
    QuantilesCombiner c = QuantilesCombiner.create(200, 10, 10);
    c.add(Float64Column.of(x));
    QuantileStatistics s = c.result();
    double min = Reference.sorted(x)[0];
    double max = Reference.sorted(x)[x.length - 1];
    double width = (max - min) / 10;

    assertThat(s.equiWidthHistogram()).hasSize(10);
    double total = 0;
    for (int i = 0; i < 10; i++) {
      HistogramBucket b = s.equiWidthHistogram().get(i);
      assertThat(b.lowValue()).isCloseTo(min + i * width, within(1e-9));
      assertThat(b.highValue()).isCloseTo(min + (i + 1) * width, within(1e-9));
      long exact = 0;
      for (double v : x) {
        if ((v > b.lowValue() || i == 0) && v <= b.highValue()) {
          exact++;
        }
      }
      assertThat(b.sampleCount()).isCloseTo(exact, within(s.pmfNormalizedRankError() * x.length));
      total += b.sampleCount();
    }
    assertThat(total).isCloseTo(x.length, within(1e-6));
  }

  @Test
  void smallInputGivesExactHistograms() {
    QuantilesCombiner c = QuantilesCombiner.create(200, 4, 2);
    c.add(Float64Column.of(0, 1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.POSITIVE_INFINITY));
    QuantileStatistics s = c.result();

    assertThat(s.equiWidthHistogram()).containsExactly(
        new HistogramBucket(0, 2, 3), new HistogramBucket(2, 4, 2),
        new HistogramBucket(4, 6, 2), new HistogramBucket(6, 8, 2));
    assertThat(s.quantiles()).extracting(Quantile::value).containsExactly(0.0, 4.0, 8.0);
    assertThat(s.quantileHistogram()).containsExactly(
        new HistogramBucket(0, 4, 4.5), new HistogramBucket(4, 8, 4.5));
  }

  @Test
  void constantValuesGiveOneBucket() {
    QuantilesCombiner c = QuantilesCombiner.create(200, 10, 10);
    c.add(Float64Column.of(7, 7, 7));
    assertThat(c.result().equiWidthHistogram()).containsExactly(new HistogramBucket(7, 7, 3));
  }

  @Test
  void emptyGivesNoQuantiles() {
    QuantilesCombiner c = QuantilesCombiner.create(200, 10, 10);
    c.add(Float64Column.of(Double.NaN));
    QuantileStatistics s = c.result();
    assertThat(s.median()).isNull();
    assertThat(List.of(s.quantiles(), s.equiWidthHistogram(), s.quantileHistogram())).allMatch(List::isEmpty);
  }

  @Test
  void bytesRoundTrip() {
    QuantilesCombiner c = QuantilesCombiner.create(64, 5, 4);
    c.add(Float64Column.of(new Random(5).doubles(10_000).toArray()));
    assertThat(QuantilesCombiner.fromBytes(c.toBytes()).result()).isEqualTo(c.result());
  }
}
