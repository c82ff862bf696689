package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.StringColumn;
import io.prodline.data.stats.TopValuesCombiner;
import io.prodline.data.stats.TopValuesStatistics;
import io.prodline.data.stats.ValueCount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact counts of a string feature's values, from a {@link TopValuesCombiner} sized so that it counts exactly,
 * listed in TensorFlow Transform's vocabulary order: most frequent first, ties by value in descending order of
 * UTF-8 bytes (compared unsigned).
 *
 * <p>Exact counting holds up to {@value #MAX_VALUES} distinct values; beyond that fitting fails with a message
 * suggesting hashing instead, rather than fitting a vocabulary on approximate counts.
 */
final class ValueCounts {
  static final int MAX_VALUES = 100_000;
  /** The sketch tracks 3/4 of its map size exactly: 196,608 values, above {@link #MAX_VALUES}. */
  private static final int MAP_SIZE = 1 << 18;

  /** TensorFlow Transform's order: count descending, then value bytes descending. */
  static final Comparator<Entry> TFT_ORDER = Comparator.comparingLong(Entry::count).reversed()
      .thenComparing(Entry::value, (a, b) -> Arrays.compareUnsigned(utf8(b), utf8(a)));

  /** A value and how many training rows hold it. */
  record Entry(String value, long count) {}

  private final String feature;
  private final TopValuesCombiner counts = TopValuesCombiner.create(MAX_VALUES, MAP_SIZE);

  ValueCounts(String feature) {
    this.feature = feature;
  }

  void add(StringColumn column) {
    counts.add(column);
  }

  void merge(ValueCounts other) {
    counts.merge(other.counts);
  }

  /**
   * Every value with its count, plus {@code extraCount} more rows of {@code extraValue} (null: none), in
   * {@link #TFT_ORDER}.
   */
  List<Entry> ordered(String extraValue, long extraCount) {
    TopValuesStatistics stats = counts.result();
    if (!stats.exact() || stats.topValues().size() >= MAX_VALUES) {
      throw new ProdlineException("feature '" + feature + "' has " + MAX_VALUES + " or more distinct values, too "
          + "many to count exactly for a vocabulary; use hash with a bucket count instead");
    }
    Map<String, Long> byValue = new HashMap<>();
    for (ValueCount v : stats.topValues()) {
      byValue.put(v.value(), v.count());
    }
    if (extraValue != null && extraCount > 0) {
      byValue.merge(extraValue, extraCount, Long::sum);
    }
    List<Entry> entries = new ArrayList<>(byValue.size());
    byValue.forEach((value, count) -> entries.add(new Entry(value, count)));
    entries.sort(TFT_ORDER);
    return entries;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
