package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/**
 * Presence, distinct count, top values and lengths of one categorical feature: a string column, or an int64
 * column declared categorical ({@link StatisticsOptions#categoricalColumns()}), whose values count as decimal text.
 */
public final class StringFeatureCombiner implements FeatureCombiner {
  /** Version 2 added the column type (string or int64). */
  private static final int VERSION = 2;

  private final String name;
  private final ColumnType type;
  private final PresenceCombiner presence;
  private final DistinctCountCombiner distinct;
  private final TopValuesCombiner topValues;
  private final StringLengthCombiner lengths;

  private StringFeatureCombiner(String name, ColumnType type, PresenceCombiner presence, DistinctCountCombiner distinct,
      TopValuesCombiner topValues, StringLengthCombiner lengths) {
    this.name = name;
    this.type = type;
    this.presence = presence;
    this.distinct = distinct;
    this.topValues = topValues;
    this.lengths = lengths;
  }

  /** An empty combiner for a feature of type string or int64. */
  public static StringFeatureCombiner create(String name, ColumnType type, StatisticsOptions options) {
    if (type != ColumnType.STRING && type != ColumnType.INT64) {
      throw new IllegalArgumentException("feature '" + name + "' is " + type.fileName() + ", not string or int64");
    }
    return new StringFeatureCombiner(name, type, PresenceCombiner.create(), DistinctCountCombiner.create(options.hllLgK()),
        TopValuesCombiner.create(options.topK(), options.frequentItemsMapSize()), StringLengthCombiner.create());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public void add(Column column, Weights weights) {
    presence.add(column, weights);
    ValueCounts values = ValueCounts.of(column);
    distinct.add(values);
    topValues.add(values);
    lengths.add(values);
  }

  @Override
  public void merge(FeatureCombiner other) {
    StringFeatureCombiner that = FeatureCombiner.sameFeature(this, other, StringFeatureCombiner.class);
    presence.merge(that.presence);
    distinct.merge(that.distinct);
    topValues.merge(that.topValues);
    lengths.merge(that.lengths);
  }

  @Override
  public FeatureStatistics result() {
    return new FeatureStatistics(name, type, presence.result(), null,
        new StringStatistics(distinct.result(), topValues.result(), lengths.result()), null);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.STRING_FEATURE, VERSION)
        .writeString(name).writeString(type.fileName()).writeBytes(presence.toBytes()).writeBytes(distinct.toBytes())
        .writeBytes(topValues.toBytes()).writeBytes(lengths.toBytes())
        .toByteArray();
  }

  public static StringFeatureCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.STRING_FEATURE, VERSION);
    StringFeatureCombiner c = new StringFeatureCombiner(in.readString(), ColumnType.fromFileName(in.readString()),
        PresenceCombiner.fromBytes(in.readBytes()),
        DistinctCountCombiner.fromBytes(in.readBytes()), TopValuesCombiner.fromBytes(in.readBytes()),
        StringLengthCombiner.fromBytes(in.readBytes()));
    in.end();
    return c;
  }
}
