package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct non-null values of a categorical (string, or int64 as text) column, estimated with an HLL sketch;
 * weights ignored.
 *
 * <p>Memory is at most 2^lgK bytes (HLL_8). The relative standard error is about 1.04/sqrt(2^lgK), e.g. 1.6% for
 * lgK = 12; {@link DistinctStatistics} carries two-standard-deviation bounds. Merging is lossless (an HLL union),
 * so any merge order gives the same sketch.
 */
public final class DistinctCountCombiner implements Combiner<DistinctCountCombiner, DistinctStatistics> {
  static {
    SketchMemory.ready(); // before any sketch, on every Java release
  }

  private static final int VERSION = 1;

  private final Union union;

  private DistinctCountCombiner(Union union) {
    this.union = union;
  }

  /** An empty combiner with {@code 2^lgK} HLL buckets. */
  public static DistinctCountCombiner create(int lgK) {
    StatisticsOptions.checkRange("hll_lg_k", lgK, 4, 21);
    return new DistinctCountCombiner(new Union(lgK));
  }

  @Override
  public void add(Column column, Weights weights) {
    weights.requireRows(column.size());
    add(ValueCounts.of(column));
  }

  void add(ValueCounts values) {
    for (int i = 0; i < values.size(); i++) {
      union.update(values.value(i));
    }
  }

  @Override
  public void merge(DistinctCountCombiner other) {
    union.update(other.union.getResult(TgtHllType.HLL_8));
  }

  @Override
  public DistinctStatistics result() {
    int lgK = union.getLgConfigK();
    return new DistinctStatistics(Math.round(union.getEstimate()), union.getLowerBound(2),
        union.getUpperBound(2), lgK, 1.04 / Math.sqrt(1 << lgK));
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.DISTINCT, VERSION).writeBytes(union.toCompactByteArray())
        .toByteArray();
  }

  public static DistinctCountCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.DISTINCT, VERSION);
    Union union = Union.heapify(in.readBytes());
    in.end();
    return new DistinctCountCombiner(union);
  }
}
