package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.frame.Int64Column;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsCombinerTest {

  @Test
  void meanAndPopulationStdMatchTwoPassDefinitions() {
    double[] x = new Random(1).doubles(10_000, -50, 150).toArray();
    MomentsCombiner c = MomentsCombiner.create();
    c.add(Float64Column.of(x));
    MomentStatistics s = c.result();

    assertThat(s.numFinite()).isEqualTo(10_000);
    assertThat(s.mean()).isCloseTo(Reference.mean(x), within(1e-9 * Math.abs(Reference.mean(x))));
    assertThat(s.stdDev()).isCloseTo(Reference.std(x), within(1e-9 * Reference.std(x)));
    assertThat(s.min()).isEqualTo(Arrays.stream(x).min().getAsDouble());
    assertThat(s.max()).isEqualTo(Arrays.stream(x).max().getAsDouble());
  }

  @Test
  void stdIsStableForLargeOffsets() {
    // Values 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, population variance 22.5.
    double[] x = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    MomentsCombiner a = MomentsCombiner.create();
    a.add(Float64Column.of(x[0], x[1]));
    MomentsCombiner b = MomentsCombiner.create();
    b.add(Float64Column.of(x[2], x[3]));
    a.merge(b);

    assertThat(a.result().mean()).isEqualTo(1e9 + 10);
    assertThat(a.result().stdDev()).isCloseTo(Math.sqrt(22.5), within(1e-9));
  }

  @Test
  void nanAndInfinitiesAreCountedSeparatelyAndExcluded() {
    Column column = column(1.0, Double.NaN, 0.0, Double.POSITIVE_INFINITY, null, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 5.0, Double.NaN);
    MomentsCombiner c = MomentsCombiner.create();
    c.add(column);
    MomentStatistics s = c.result();

    assertThat(s.numNan()).isEqualTo(2);
    assertThat(s.numPositiveInfinity()).isEqualTo(2);
    assertThat(s.numNegativeInfinity()).isEqualTo(1);
    assertThat(s.numFinite()).isEqualTo(3);
    assertThat(s.numZeros()).isEqualTo(1);
    assertThat(s.mean()).isEqualTo(2.0);
    assertThat(s.stdDev()).isCloseTo(Reference.std(new double[] {1, 0, 5}), within(1e-12));
    assertThat(s.min()).isEqualTo(0.0);
    assertThat(s.max()).isEqualTo(5.0);
  }

  @Test
  void weightedMeanAndStdMatchWeightedDefinitions() {
    Random random = new Random(2);
    double[] x = random.doubles(1_000, 0, 10).toArray();
    double[] w = random.doubles(1_000, 0, 3).toArray();
    MomentsCombiner c = MomentsCombiner.create();
    c.add(Float64Column.of(x), Weights.fromColumn("w", Float64Column.of(w)));
    MomentStatistics s = c.result();

    assertThat(s.weightedNumFinite()).isCloseTo(Arrays.stream(w).sum(), within(1e-9));
    assertThat(s.mean()).isCloseTo(Reference.weightedMean(x, w), within(1e-9));
    assertThat(s.stdDev()).isCloseTo(Reference.weightedStd(x, w), within(1e-9));
  }

  @Test
  void integerWeightsEqualRepeatedRows() {
    MomentsCombiner weighted = MomentsCombiner.create();
    weighted.add(Float64Column.of(1, 4, 10), Weights.fromColumn("w", Int64Column.of(2, 1, 3)));
    MomentsCombiner repeated = MomentsCombiner.create();
    repeated.add(Float64Column.of(1, 1, 4, 10, 10, 10));

    assertThat(weighted.result().mean()).isCloseTo(repeated.result().mean(), within(1e-12));
    assertThat(weighted.result().stdDev()).isCloseTo(repeated.result().stdDev(), within(1e-12));
    assertThat(weighted.result().numFinite()).isEqualTo(3);
  }

  @Test
  void readsInt64Columns() {
    MomentsCombiner c = MomentsCombiner.create();
    c.add(Int64Column.of(2, 4, 4, 4, 5, 5, 7, 9));
    assertThat(c.result().mean()).isEqualTo(5.0);
    assertThat(c.result().stdDev()).isEqualTo(2.0);
  }

  @Test
  void noFiniteValueGivesNullMoments() {
    MomentsCombiner c = MomentsCombiner.create();
    c.add(column(null, Double.NaN));
    MomentStatistics s = c.result();
    assertThat(List.of(s.numFinite(), s.numNan())).containsExactly(0L, 1L);
    assertThat(s.mean()).isNull();
    assertThat(s.stdDev()).isNull();
    assertThat(s.min()).isNull();
    assertThat(s.max()).isNull();
  }

  @Test
  void bytesRoundTrip() {
    MomentsCombiner c = MomentsCombiner.create();
    c.add(column(3.0, null, Double.NaN, -1.0, Double.NEGATIVE_INFINITY));
    assertThat(MomentsCombiner.fromBytes(c.toBytes()).result()).isEqualTo(c.result());
  }

  static Column column(Double... values) {
    var b = Column.builder(ColumnType.FLOAT64);
    for (Double v : values) {
      b.appendObject(v);
    }
    return b.build();
  }
}
