package io.prodline.data.stats;

import io.prodline.core.frame.Column;

/**
 * Average, minimum and maximum length (Unicode code points) of the non-null values of a categorical (string, or
 * int64 as text) column. Exact.
 */
public final class StringLengthCombiner implements Combiner<StringLengthCombiner, StringLengthStatistics> {
  private static final int VERSION = 1;

  private long count;
  private long totalLength;
  private long minLength = Long.MAX_VALUE;
  private long maxLength = Long.MIN_VALUE;

  private StringLengthCombiner() {}

  public static StringLengthCombiner create() {
    return new StringLengthCombiner();
  }

  @Override
  public void add(Column column, Weights weights) {
    weights.requireRows(column.size());
    add(ValueCounts.of(column));
  }

  void add(ValueCounts values) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.value(i);
      long length = value.codePointCount(0, value.length());
      count += values.count(i);
      totalLength += values.count(i) * length;
      minLength = Math.min(minLength, length);
      maxLength = Math.max(maxLength, length);
    }
  }

  @Override
  public void merge(StringLengthCombiner other) {
    count += other.count;
    totalLength += other.totalLength;
    minLength = Math.min(minLength, other.minLength);
    maxLength = Math.max(maxLength, other.maxLength);
  }

  @Override
  public StringLengthStatistics result() {
    if (count == 0) {
      return new StringLengthStatistics(null, null, null);
    }
    return new StringLengthStatistics((double) totalLength / count, minLength, maxLength);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.STRING_LENGTH, VERSION)
        .writeLong(count).writeLong(totalLength).writeLong(minLength).writeLong(maxLength).toByteArray();
  }

  public static StringLengthCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.STRING_LENGTH, VERSION);
    StringLengthCombiner c = new StringLengthCombiner();
    c.count = in.readLong();
    c.totalLength = in.readLong();
    c.minLength = in.readLong();
    c.maxLength = in.readLong();
    in.end();
    return c;
  }
}
