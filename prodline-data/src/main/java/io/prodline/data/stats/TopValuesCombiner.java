package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.datasketches.common.ArrayOfStringsSerDe;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The k most frequent non-null values of a categorical (string, or int64 as text) column with their counts,
 * from a frequent-items ({@link ItemsSketch}, Misra-Gries family) sketch queried with
 * {@link ErrorType#NO_FALSE_NEGATIVES}; weights ignored.
 *
 * <p>The sketch tracks at most 3/4 of {@code maxMapSize} values. Counting is exact while fewer distinct values
 * have been seen; beyond that, each count is within {@code maxError} &lt;= 3.5 * n / maxMapSize of the truth (n
 * = values added), and the bounds reported per value always contain it. Merging keeps the same bound.
 */
public final class TopValuesCombiner implements Combiner<TopValuesCombiner, TopValuesStatistics> {
  static {
    SketchMemory.ready(); // before any sketch, on every Java release
  }

  private static final int VERSION = 1;
  private static final ArrayOfStringsSerDe SERDE = new ArrayOfStringsSerDe();
  private static final Comparator<ItemsSketch.Row<String>> MOST_FREQUENT_FIRST =
      Comparator.<ItemsSketch.Row<String>>comparingLong(ItemsSketch.Row::getEstimate).reversed()
          .thenComparing(ItemsSketch.Row::getItem);

  private final int k;
  private final ItemsSketch<String> sketch;

  private TopValuesCombiner(int k, ItemsSketch<String> sketch) {
    this.k = k;
    this.sketch = sketch;
  }

  /** An empty combiner reporting the top {@code k} values from a sketch of {@code maxMapSize} (a power of 2). */
  public static TopValuesCombiner create(int k, int maxMapSize) {
    StatisticsOptions.checkRange("top_k", k, 1, 100_000);
    StatisticsOptions.checkPowerOfTwo("frequent_items_map_size", maxMapSize, 8, 1 << 26);
    return new TopValuesCombiner(k, new ItemsSketch<>(maxMapSize));
  }

  @Override
  public void add(Column column, Weights weights) {
    weights.requireRows(column.size());
    add(ValueCounts.of(column));
  }

  void add(ValueCounts values) {
    for (int i = 0; i < values.size(); i++) {
      sketch.update(values.value(i), values.count(i));
    }
  }

  /** Merges; both combiners must report the same k (their map sizes may differ). */
  @Override
  public void merge(TopValuesCombiner other) {
    if (other.k != k) {
      throw new IllegalArgumentException("cannot merge top-" + other.k + " values into top-" + k);
    }
    sketch.merge(other.sketch);
  }

  @Override
  public TopValuesStatistics result() {
    ItemsSketch.Row<String>[] rows = sketch.getFrequentItems(ErrorType.NO_FALSE_NEGATIVES);
    Arrays.sort(rows, MOST_FREQUENT_FIRST);
    List<ValueCount> top = new ArrayList<>(Math.min(k, rows.length));
    for (int i = 0; i < rows.length && i < k; i++) {
      ItemsSketch.Row<String> row = rows[i];
      top.add(new ValueCount(row.getItem(), row.getEstimate(), row.getLowerBound(), row.getUpperBound()));
    }
    long maxError = sketch.getMaximumError();
    return new TopValuesStatistics(top, maxError, maxError == 0);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.TOP_VALUES, VERSION)
        .writeInt(k).writeBytes(sketch.toByteArray(SERDE)).toByteArray();
  }

  public static TopValuesCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.TOP_VALUES, VERSION);
    int k = in.readInt();
    ItemsSketch<String> sketch = ItemsSketch.getInstance(Memory.wrap(in.readBytes()), SERDE);
    in.end();
    return new TopValuesCombiner(k, sketch);
  }
}
