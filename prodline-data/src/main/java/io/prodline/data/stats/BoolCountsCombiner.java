package io.prodline.data.stats;

import io.prodline.core.frame.BoolColumn;
import io.prodline.core.frame.Column;

/** Counts the true values of a bool column, plain and weighted. Exact. */
public final class BoolCountsCombiner implements Combiner<BoolCountsCombiner, BoolStatistics> {
  private static final int VERSION = 1;

  private long numTrue;
  private double weightedNumTrue;

  private BoolCountsCombiner() {}

  public static BoolCountsCombiner create() {
    return new BoolCountsCombiner();
  }

  @Override
  public void add(Column column, Weights weights) {
    weights.requireRows(column.size());
    if (!(column instanceof BoolColumn bools)) {
      throw new IllegalArgumentException("expected a bool column but got " + column.type().fileName());
    }
    for (int row = 0; row < bools.size(); row++) {
      if (!bools.isNull(row) && bools.value(row)) {
        numTrue++;
        weightedNumTrue += weights.get(row);
      }
    }
  }

  @Override
  public void merge(BoolCountsCombiner other) {
    numTrue += other.numTrue;
    weightedNumTrue += other.weightedNumTrue;
  }

  @Override
  public BoolStatistics result() {
    return new BoolStatistics(numTrue, weightedNumTrue);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.BOOL_COUNTS, VERSION)
        .writeLong(numTrue).writeDouble(weightedNumTrue).toByteArray();
  }

  public static BoolCountsCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.BOOL_COUNTS, VERSION);
    BoolCountsCombiner c = new BoolCountsCombiner();
    c.numTrue = in.readLong();
    c.weightedNumTrue = in.readDouble();
    in.end();
    return c;
  }
}
