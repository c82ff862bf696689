package io.prodline.data.stats;

import io.prodline.core.frame.Column;

/** Counts non-missing and missing (null) rows of a column of any type, plain and weighted. Exact. */
public final class PresenceCombiner implements Combiner<PresenceCombiner, CommonStatistics> {
  private static final int VERSION = 1;

  private long nonMissing;
  private long missing;
  private double weightedNonMissing;
  private double weightedMissing;

  private PresenceCombiner() {}

  public static PresenceCombiner create() {
    return new PresenceCombiner();
  }

  @Override
  public void add(Column column, Weights weights) {
    weights.requireRows(column.size());
    if (weights.isUnit()) {
      missing += column.nullCount();
      nonMissing += column.size() - column.nullCount();
      weightedMissing += column.nullCount();
      weightedNonMissing += column.size() - column.nullCount();
      return;
    }
    for (int row = 0; row < column.size(); row++) {
      if (column.isNull(row)) {
        missing++;
        weightedMissing += weights.get(row);
      } else {
        nonMissing++;
        weightedNonMissing += weights.get(row);
      }
    }
  }

  @Override
  public void merge(PresenceCombiner other) {
    nonMissing += other.nonMissing;
    missing += other.missing;
    weightedNonMissing += other.weightedNonMissing;
    weightedMissing += other.weightedMissing;
  }

  @Override
  public CommonStatistics result() {
    return new CommonStatistics(nonMissing, missing, weightedNonMissing, weightedMissing);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.PRESENCE, VERSION)
        .writeLong(nonMissing).writeLong(missing).writeDouble(weightedNonMissing).writeDouble(weightedMissing)
        .toByteArray();
  }

  public static PresenceCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.PRESENCE, VERSION);
    PresenceCombiner c = new PresenceCombiner();
    c.nonMissing = in.readLong();
    c.missing = in.readLong();
    c.weightedNonMissing = in.readDouble();
    c.weightedMissing = in.readDouble();
    in.end();
    return c;
  }
}
