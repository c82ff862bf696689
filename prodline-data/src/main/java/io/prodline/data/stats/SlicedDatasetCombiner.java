package io.prodline.data.stats;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of a frame stream overall and per slice: one {@link DatasetCombiner} for all rows and one per value
 * of a categorical slice column (string, int64 or bool), for at most {@code maxSlices} values. Rows whose slice
 * value is null are counted overall only, as TFDV's feature-value slicer does. Without a slice column it is just
 * the overall combiner.
 */
public final class SlicedDatasetCombiner {
  private static final int VERSION = 1;

  private final StatisticsOptions options;
  private final DatasetCombiner overall;
  private final Map<String, DatasetCombiner> slices = new TreeMap<>();

  private SlicedDatasetCombiner(StatisticsOptions options, DatasetCombiner overall) {
    this.options = options;
    this.overall = overall;
  }

  /**
   * An empty combiner for frames with the columns of {@code layout}; throws a {@link ProdlineException} if the
   * slice column of {@code options} is absent or not categorical.
   */
  public static SlicedDatasetCombiner create(Frame layout, StatisticsOptions options) {
    if (options.sliceColumn() != null) {
      DataColumns.of(layout).require("slice column", options.sliceColumn(),
          List.of(ColumnType.STRING, ColumnType.INT64, ColumnType.BOOL));
    }
    return new SlicedDatasetCombiner(options, DatasetCombiner.create(layout, options));
  }

  /** Adds every row of {@code frame} overall, and each row with a slice value to that value's slice. */
  public void add(Frame frame) {
    overall.add(frame);
    if (options.sliceColumn() == null) {
      return;
    }
    for (Map.Entry<String, int[]> group : rowsBySliceValue(frame.column(options.sliceColumn())).entrySet()) {
      sliceCombiner(group.getKey()).add(frame.take(group.getValue()));
    }
  }

  private static Map<String, int[]> rowsBySliceValue(Column column) {
    Map<String, List<Integer>> rows = new LinkedHashMap<>();
    for (int row = 0; row < column.size(); row++) {
      if (!column.isNull(row)) {
        rows.computeIfAbsent(String.valueOf(column.get(row)), key -> new ArrayList<>()).add(row);
      }
    }
    Map<String, int[]> result = new LinkedHashMap<>();
    rows.forEach((key, list) -> result.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
    return result;
  }

  private DatasetCombiner sliceCombiner(String value) {
    DatasetCombiner combiner = slices.get(value);
    if (combiner == null) {
      if (slices.size() == options.maxSlices()) {
        throw new ProdlineException("slice column '" + options.sliceColumn() + "' has more than "
            + options.maxSlices() + " distinct values; raise max_slices or slice by a coarser column");
      }
      combiner = overall.emptyCopy(options);
      slices.put(value, combiner);
    }
    return combiner;
  }

  /** Folds {@code other}, built with the same layout and options, into this state. */
  public void merge(SlicedDatasetCombiner other) {
    overall.merge(other.overall);
    for (Map.Entry<String, DatasetCombiner> slice : other.slices.entrySet()) {
      sliceCombiner(slice.getKey()).merge(slice.getValue());
    }
  }

  /** The slice column, the overall state and each slice's value and state, so partials merge across processes. */
  public byte[] toBytes() {
    StatisticBytes.Writer out = StatisticBytes.writer(StatisticFormat.SLICED_DATASET, VERSION)
        .writeString(options.sliceColumn() == null ? "" : options.sliceColumn())
        .writeBytes(overall.toBytes()).writeInt(slices.size());
    slices.forEach((value, combiner) -> out.writeString(value).writeBytes(combiner.toBytes()));
    return out.toByteArray();
  }

  /**
   * Reads what {@link #toBytes} wrote; {@code options} must slice by the same column (they also give the options
   * of slices first seen in a later merge).
   */
  public static SlicedDatasetCombiner fromBytes(byte[] bytes, StatisticsOptions options) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.SLICED_DATASET, VERSION);
    String column = in.readString();
    String expected = options.sliceColumn() == null ? "" : options.sliceColumn();
    if (!column.equals(expected)) {
      throw new IllegalArgumentException("these statistics are sliced by '" + column + "', the options by '"
          + expected + "'; read them with the options they were computed with");
    }
    SlicedDatasetCombiner combiner = new SlicedDatasetCombiner(options, DatasetCombiner.fromBytes(in.readBytes()));
    int count = in.readInt();
    for (int i = 0; i < count; i++) {
      combiner.slices.put(in.readString(), DatasetCombiner.fromBytes(in.readBytes()));
    }
    in.end();
    return combiner;
  }

  public DatasetStatistics result() {
    DatasetStatistics all = overall.result();
    if (options.sliceColumn() == null) {
      return all;
    }
    TreeMap<String, DatasetStatistics> sliceResults = new TreeMap<>();
    slices.forEach((value, combiner) -> sliceResults.put(value, combiner.result()));
    return new DatasetStatistics(all.numExamples(), all.weightedNumExamples(), all.features(),
        options.sliceColumn(), sliceResults);
  }
}
