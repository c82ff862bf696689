package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random frames split at random into parts, one combiner per part, merged in random order (some through
 * toBytes/fromBytes), compared to a single pass: exact for counts, min, max and sums; within 1e-9 relative for
 * mean and std; within the rank error for quantiles.
 */
class MergePropertyTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void mergingRandomPartsInRandomOrderMatchesOnePass(long seed) {
    Random random = new Random(seed);
    Frame all = RandomFrames.frame(random, 3_000 + random.nextInt(3_000));
    StatisticsOptions options = StatisticsOptions.defaults().withWeightColumn(seed % 2 == 0 ? "w" : null);

    DatasetCombiner single = DatasetCombiner.create(all, options);
    single.add(all);
    DatasetStatistics expected = single.result();

    List<DatasetCombiner> parts = new ArrayList<>();
    for (Frame part : split(all, random)) {
      DatasetCombiner c = DatasetCombiner.create(all, options);
      c.add(part);
      parts.add(random.nextBoolean() ? DatasetCombiner.fromBytes(c.toBytes()) : c);
    }
    Collections.shuffle(parts, random);
    DatasetCombiner merged = parts.get(0);
    for (DatasetCombiner part : parts.subList(1, parts.size())) {
      merged.merge(part);
      if (random.nextInt(3) == 0) {
        merged = DatasetCombiner.fromBytes(merged.toBytes());
      }
    }
    assertMatches(merged.result(), expected);
    assertQuantilesWithinRankError(merged.result(), all);
  }

  /** Splits the rows at 1..9 random cut points (parts may be empty). */
  private static List<Frame> split(Frame frame, Random random) {
    int[] cuts = IntStream.concat(IntStream.of(0, frame.rowCount()),
        random.ints(1 + random.nextInt(9), 0, frame.rowCount() + 1)).sorted().toArray();
    List<Frame> parts = new ArrayList<>();
    for (int i = 1; i < cuts.length; i++) {
      parts.add(frame.take(IntStream.range(cuts[i - 1], cuts[i]).toArray()));
    }
    return parts;
  }

  static void assertMatches(DatasetStatistics actual, DatasetStatistics expected) {
    assertThat(actual.numExamples()).isEqualTo(expected.numExamples());
    assertThat(actual.weightedNumExamples()).isCloseTo(expected.weightedNumExamples(), within(1e-9));
    assertThat(actual.features()).hasSameSizeAs(expected.features());
    for (int i = 0; i < expected.features().size(); i++) {
      FeatureStatistics a = actual.features().get(i);
      FeatureStatistics e = expected.features().get(i);
      assertThat(a.name()).isEqualTo(e.name());
      assertThat(a.common().numNonMissing()).isEqualTo(e.common().numNonMissing());
      assertThat(a.common().numMissing()).isEqualTo(e.common().numMissing());
      assertThat(a.common().weightedNumNonMissing()).isCloseTo(e.common().weightedNumNonMissing(), within(1e-9));
      if (e.numeric() != null) {
        assertNumericMatches(a.numeric(), e.numeric());
      }
      if (e.string() != null) {
        assertThat(a.string().topValues()).isEqualTo(e.string().topValues());
        assertThat(a.string().distinct()).isEqualTo(e.string().distinct());
        assertThat(a.string().lengths()).isEqualTo(e.string().lengths());
      }
      if (e.bool() != null) {
        assertThat(a.bool().numTrue()).isEqualTo(e.bool().numTrue());
        assertThat(a.bool().weightedNumTrue()).isCloseTo(e.bool().weightedNumTrue(), within(1e-9));
      }
    }
  }

  private static void assertNumericMatches(NumericStatistics a, NumericStatistics e) {
    MomentStatistics am = a.moments();
    MomentStatistics em = e.moments();
    assertThat(List.of(am.numFinite(), am.numZeros(), am.numNan(), am.numPositiveInfinity(),
        am.numNegativeInfinity())).isEqualTo(List.of(em.numFinite(), em.numZeros(), em.numNan(),
        em.numPositiveInfinity(), em.numNegativeInfinity()));
    assertThat(am.min()).isEqualTo(em.min());
    assertThat(am.max()).isEqualTo(em.max());
    assertThat(am.weightedNumFinite()).isCloseTo(em.weightedNumFinite(), within(1e-9));
    assertThat(am.mean()).isCloseTo(em.mean(), within(1e-9 * Math.abs(em.mean())));
    assertThat(am.stdDev()).isCloseTo(em.stdDev(), within(1e-9 * em.stdDev()));
  }

  /** Every quantile of each numeric feature is within the rank error of its requested rank in the exact data. */
  static void assertQuantilesWithinRankError(DatasetStatistics statistics, Frame data) {
    for (String name : List.of("x", "n")) {
      double[] values = new double[data.rowCount()];
      int count = 0;
      for (int row = 0; row < data.rowCount(); row++) {
        double v = data.column(name).getDouble(row);
        if (!data.column(name).isNull(row) && Double.isFinite(v)) {
          values[count++] = v;
        }
      }
      double[] sorted = Reference.sorted(Arrays.copyOf(values, count));
      QuantileStatistics q = statistics.feature(name).numeric().quantiles();
      for (Quantile quantile : q.quantiles()) {
        assertThat(Reference.rankDistance(sorted, quantile.value(), quantile.rank())).as("%s quantile %s", name, quantile.rank()).isLessThanOrEqualTo(q.normalizedRankError());
      }
    }
  }
}
