package io.prodline.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random frames split at random into parts, one combiner per part, merged in random order (some through
 * toBytes/fromBytes), compared to a single pass over the whole frame and to the raw rows: exact for counts, min,
 * max, sums and string lengths; mean and std within 1e-9 of the values' scale; quantiles within the rank error. Top
 * values and distinct counts equal the single pass while their sketches are exact; once the high-cardinality
 * {@code id} column outgrows them, they are held to the sketches' guarantees, checked against value counts taken
 * from the raw rows with a HashMap.
 */
class MergePropertyTest {
  private static final Comparator<ValueCount> MOST_FREQUENT_FIRST =
      Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void mergingRandomPartsInRandomOrderMatchesOnePass(long seed) {
    Random random = new Random(seed);
    Frame all = RandomFrames.frame(random, 3_000 + random.nextInt(3_000));
    StatisticsOptions options = options(seed);

    DatasetCombiner single = DatasetCombiner.create(all, options);
    single.add(all);
    DatasetStatistics expected = single.result();

    DatasetCombiner merged = combineInRandomOrder(split(all, random), () -> DatasetCombiner.create(all, options),
        DatasetCombiner::add, DatasetCombiner::merge, c -> DatasetCombiner.fromBytes(c.toBytes()), random);
    DatasetStatistics actual = merged.result();

    assertMergeProperties(actual, expected, all, options);
    assertThat(actual.feature("id").string().topValues().exact()).as("id outgrows the frequent-items sketch")
        .isFalse();
  }

  /**
   * The same procedure for per-slice statistics ({@link SlicedDatasetCombiner}): overall and for every slice value, the merged result has the properties above against
   * the single pass and against that slice's rows picked from the raw frame; and the slice keys are exactly the
   * distinct non-null values of the slice column in the raw rows. Slicing by the bool {@code b} leaves slices big
   * enough for {@code id} to outgrow the sketches; slicing by {@code s} gives a dozen or so smaller ones, down to a
   * few rows, where the top values stay exact.
   */
  @ParameterizedTest
  @CsvSource({"1, s", "2, s", "3, s", "4, s", "5, b", "6, b", "7, b", "8, b"})
  void mergingSlicedPartsInRandomOrderMatchesOnePassPerSlice(long seed, String sliceColumn) {
    Random random = new Random(seed);
    Frame all = RandomFrames.frame(random, 3_000 + random.nextInt(3_000));
    StatisticsOptions options = options(seed).withSliceColumn(sliceColumn);

    SlicedDatasetCombiner single = SlicedDatasetCombiner.create(all, options);
    single.add(all);
    DatasetStatistics expected = single.result();

    SlicedDatasetCombiner merged = combineInRandomOrder(split(all, random),
        () -> SlicedDatasetCombiner.create(all, options), SlicedDatasetCombiner::add, SlicedDatasetCombiner::merge,
        c -> SlicedDatasetCombiner.fromBytes(c.toBytes(), options), random);
    DatasetStatistics actual = merged.result();

    assertMergeProperties(actual, expected, all, options);
    Set<String> sliceValues = valueCounts(all.column(sliceColumn)).keySet();
    assertThat(actual.sliceFeature()).isEqualTo(sliceColumn);
    assertThat(actual.slices().keySet()).isEqualTo(sliceValues);
    assertThat(expected.slices().keySet()).isEqualTo(sliceValues);
    for (String value : sliceValues) {
      assertMergeProperties(actual.slice(value), expected.slice(value), rowsWhere(all, sliceColumn, value), options);
    }
  }

  @Test
  void aSlicedStateIsReadOnlyWithOptionsSlicingByTheSameColumn() {
    Frame frame = RandomFrames.frame(new Random(9), 100);
    SlicedDatasetCombiner byS = SlicedDatasetCombiner.create(frame, StatisticsOptions.defaults().withSliceColumn("s"));
    byS.add(frame);
    assertThatThrownBy(() -> SlicedDatasetCombiner.fromBytes(byS.toBytes(),
        StatisticsOptions.defaults().withSliceColumn("b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("these statistics are sliced by 's', the options by 'b'; read them with the options they were "
            + "computed with");
  }

  /**
   * Default options, weighted by {@code w} for even seeds. Seeds above 4 ask for the top 1,000 values, more than
   * the frequent-items sketch tracks (768), so that the list is never cut and shows every value the sketch offers
   * as a candidate; the others keep the default top 20, where the cut drops candidates.
   */
  private static StatisticsOptions options(long seed) {
    StatisticsOptions d = StatisticsOptions.defaults();
    return new StatisticsOptions(d.kllK(), d.histogramBuckets(), d.quantileBuckets(), seed > 4 ? 1_000 : d.topK(),
        d.frequentItemsMapSize(), d.hllLgK(), seed % 2 == 0 ? "w" : null, null, d.maxSlices(),
        d.categoricalColumns(), d.threads());
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

  /**
   * One combiner per part, each round-tripped through {@code roundTrip} at random; then all merged into one in
   * random order, the partial merge round-tripped now and then.
   */
  private static <C> C combineInRandomOrder(List<Frame> frames, Supplier<C> create, BiConsumer<C, Frame> add,
      BiConsumer<C, C> merge, UnaryOperator<C> roundTrip, Random random) {
    List<C> parts = new ArrayList<>();
    for (Frame frame : frames) {
      C c = create.get();
      add.accept(c, frame);
      parts.add(random.nextBoolean() ? roundTrip.apply(c) : c);
    }
    Collections.shuffle(parts, random);
    C merged = parts.get(0);
    for (C part : parts.subList(1, parts.size())) {
      merge.accept(merged, part);
      if (random.nextInt(3) == 0) {
        merged = roundTrip.apply(merged);
      }
    }
    return merged;
  }

  /** {@link #assertMatches} and {@link #assertQuantilesWithinRankError}. */
  static void assertMergeProperties(DatasetStatistics actual, DatasetStatistics expected, Frame data,
      StatisticsOptions options) {
    assertMatches(actual, expected, data, options);
    assertQuantilesWithinRankError(actual, data);
  }

  /**
   * {@code actual} (merged) matches {@code expected} (one pass over {@code data}, computed with {@code options}):
   * see the class comment; string features by {@link #assertTopValues} and {@link #assertDistinct}.
   */
  static void assertMatches(DatasetStatistics actual, DatasetStatistics expected, Frame data,
      StatisticsOptions options) {
    assertThat(actual.numExamples()).isEqualTo(expected.numExamples()).isEqualTo(data.rowCount());
    assertThat(actual.weightedNumExamples()).isCloseTo(expected.weightedNumExamples(), within(1e-9));
    assertThat(actual.sliceFeature()).isEqualTo(expected.sliceFeature());
    assertThat(actual.features()).hasSameSizeAs(expected.features());
    for (int i = 0; i < expected.features().size(); i++) {
      FeatureStatistics a = actual.features().get(i);
      FeatureStatistics e = expected.features().get(i);
      assertThat(a.name()).isEqualTo(e.name());
      assertThat(a.common().numNonMissing()).isEqualTo(e.common().numNonMissing());
      assertThat(a.common().numMissing()).isEqualTo(e.common().numMissing());
      assertThat(a.common().weightedNumNonMissing()).isCloseTo(e.common().weightedNumNonMissing(), within(1e-9));
      if (e.numeric() != null) {
        assertNumericMatches(e.name(), a.numeric(), e.numeric());
      }
      if (e.string() != null) {
        assertThat(a.string().lengths()).isEqualTo(e.string().lengths());
        Map<String, Long> counts = valueCounts(data.column(e.name()));
        assertTopValues(e.name(), a.string().topValues(), e.string().topValues(), counts, options);
        assertDistinct(e.name(), a.string().distinct(), e.string().distinct(), counts.size());
      }
      if (e.bool() != null) {
        assertThat(a.bool().numTrue()).isEqualTo(e.bool().numTrue());
        assertThat(a.bool().weightedNumTrue()).isCloseTo(e.bool().weightedNumTrue(), within(1e-9));
      }
    }
  }

  private static void assertNumericMatches(String feature, NumericStatistics a, NumericStatistics e) {
    MomentStatistics am = a.moments();
    MomentStatistics em = e.moments();
    assertThat(List.of(am.numFinite(), am.numZeros(), am.numNan(), am.numPositiveInfinity(),
        am.numNegativeInfinity())).isEqualTo(List.of(em.numFinite(), em.numZeros(), em.numNan(),
        em.numPositiveInfinity(), em.numNegativeInfinity()));
    assertThat(am.min()).isEqualTo(em.min());
    assertThat(am.max()).isEqualTo(em.max());
    assertThat(am.weightedNumFinite()).isCloseTo(em.weightedNumFinite(), within(1e-9));
    if (em.mean() == null) {
      assertThat(am.mean()).isNull();
      assertThat(am.stdDev()).isNull();
      return;
    }
    // Rounding scales with the values, not with the result: a slice whose values cancel out has mean 0 up to an
    // ulp of its values, and a constant one std 0 up to an ulp of its mean. So both are compared relative to the
    // values' root mean square, sqrt(mean^2 + std^2).
    double scale = Math.hypot(em.mean(), em.stdDev());
    assertThat(am.mean()).as("%s mean", feature).isCloseTo(em.mean(), within(1e-9 * scale));
    assertThat(am.stdDev()).as("%s std", feature).isCloseTo(em.stdDev(), within(1e-9 * scale));
  }

  /**
   * Top values against the true counts of the raw rows (prodline queries the frequent-items sketch with
   * NO_FALSE_NEGATIVES, then keeps the top_k by count). Always: at most top_k values, most frequent first, ties by
   * value; each value's true count lies in [lower_bound, upper_bound] and is within max_error of its count;
   * max_error &lt;= 3.5 n / map_size (n non-null values); exact while the distinct values fit in 3/4 of the map
   * and not beyond; and no false negatives: a value truly more frequent than max_error is listed, unless the list
   * is full of values counted at least as high as its true count. While exact, the list is also the true top-k
   * with exact counts, and equal to the single pass.
   */
  private static void assertTopValues(String feature, TopValuesStatistics actual, TopValuesStatistics expected,
      Map<String, Long> trueCounts, StatisticsOptions options) {
    List<ValueCount> top = actual.topValues();
    assertThat(top).as("%s top values", feature).hasSizeLessThanOrEqualTo(options.topK())
        .isSortedAccordingTo(MOST_FREQUENT_FIRST);
    for (ValueCount v : top) {
      long truth = trueCounts.getOrDefault(v.value(), 0L);
      assertThat(truth).as("%s: true count of %s", feature, v).isBetween(v.lowerBound(), v.upperBound());
      assertThat(v.count()).as("%s: count of %s (true %d)", feature, v, truth)
          .isBetween(truth - actual.maxError(), truth + actual.maxError());
    }
    long n = trueCounts.values().stream().mapToLong(Long::longValue).sum();
    assertThat((double) actual.maxError()).as("%s max_error", feature)
        .isLessThanOrEqualTo(3.5 * n / options.frequentItemsMapSize());
    int capacity = options.frequentItemsMapSize() / 4 * 3;
    if (trueCounts.size() != capacity) {
      assertThat(actual.exact()).as("%s exact with %d distinct values", feature, trueCounts.size())
          .isEqualTo(trueCounts.size() < capacity);
    }
    Set<String> listed = top.stream().map(ValueCount::value).collect(Collectors.toSet());
    trueCounts.forEach((value, truth) -> {
      if (truth > actual.maxError() && !listed.contains(value)) {
        assertThat(top.size()).as("%s: %s (true count %d > max_error %d) is missing from a list that is not full",
            feature, value, truth, actual.maxError()).isEqualTo(options.topK());
        assertThat(top.get(top.size() - 1).count()).as("%s: %s (true count %d) is missing but %s is listed",
            feature, value, truth, top.get(top.size() - 1)).isGreaterThanOrEqualTo(truth);
      }
    });
    if (expected.exact()) {
      List<ValueCount> trueTop = trueCounts.entrySet().stream()
          .map(c -> new ValueCount(c.getKey(), c.getValue(), c.getValue(), c.getValue()))
          .sorted(MOST_FREQUENT_FIRST).limit(options.topK()).toList();
      assertThat(top).as("%s exact top values", feature).isEqualTo(trueTop);
      assertThat(actual).as("%s top values", feature).isEqualTo(expected);
    }
  }

  /**
   * Distinct counts against the true number of distinct values. Always: the true count lies in the merged
   * result's [lower_bound, upper_bound] (two standard errors; the seeds are fixed, so this is deterministic). While
   * the true count is at most 3/4 * 2^(lg_k - 3) (384 for lg_k 12), the HLL sketch keeps a plain set of hashes,
   * and the union of such sets is the set of the union: the estimate is exact and equals the single pass. Beyond
   * that the registers still merge losslessly, but a single pass reports the HIP estimate and a union the
   * composite one, so the two differ and only the bounds are checked.
   */
  private static void assertDistinct(String feature, DistinctStatistics actual, DistinctStatistics expected,
      long trueDistinct) {
    assertThat((double) trueDistinct).as("%s: true distinct count in %s", feature, actual)
        .isBetween(actual.lowerBound(), actual.upperBound());
    if (trueDistinct <= 3 * (1 << (expected.lgK() - 3)) / 4) {
      assertThat(actual.estimate()).as("%s distinct estimate", feature).isEqualTo(trueDistinct);
      assertThat(actual).as("%s distinct", feature).isEqualTo(expected);
    }
  }

  /** The non-null values of a column as text (as the sliced and categorical statistics key them), with counts. */
  private static Map<String, Long> valueCounts(Column column) {
    Map<String, Long> counts = new HashMap<>();
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        counts.merge(String.valueOf(column.get(row)), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The rows of {@code data} whose {@code column} holds {@code value} as text. */
  private static Frame rowsWhere(Frame data, String column, String value) {
    Column c = data.column(column);
    return data.take(IntStream.range(0, data.rowCount())
        .filter(row -> !c.isNull(row) && String.valueOf(c.get(row)).equals(value)).toArray());
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
