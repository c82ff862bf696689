package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/** Presence, distinct count, top values and lengths of one string feature. */
public final class StringFeatureCombiner implements FeatureCombiner {
  private static final int VERSION = 1;

  private final String name;
  private final PresenceCombiner presence;
  private final DistinctCountCombiner distinct;
  private final TopValuesCombiner topValues;
  private final StringLengthCombiner lengths;

  private StringFeatureCombiner(String name, PresenceCombiner presence, DistinctCountCombiner distinct,
      TopValuesCombiner topValues, StringLengthCombiner lengths) {
    this.name = name;
    this.presence = presence;
    this.distinct = distinct;
    this.topValues = topValues;
    this.lengths = lengths;
  }

  public static StringFeatureCombiner create(String name, StatisticsOptions options) {
    return new StringFeatureCombiner(name, PresenceCombiner.create(), DistinctCountCombiner.create(options.hllLgK()),
        TopValuesCombiner.create(options.topK(), options.frequentItemsMapSize()), StringLengthCombiner.create());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  @Override
  public void add(Column column, Weights weights) {
    presence.add(column, weights);
    distinct.add(column, weights);
    topValues.add(column, weights);
    lengths.add(column, weights);
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
    return new FeatureStatistics(name, ColumnType.STRING, presence.result(), null,
        new StringStatistics(distinct.result(), topValues.result(), lengths.result()), null);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.STRING_FEATURE, VERSION)
        .writeString(name).writeBytes(presence.toBytes()).writeBytes(distinct.toBytes())
        .writeBytes(topValues.toBytes()).writeBytes(lengths.toBytes())
        .toByteArray();
  }

  public static StringFeatureCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.STRING_FEATURE, VERSION);
    StringFeatureCombiner c = new StringFeatureCombiner(in.readString(), PresenceCombiner.fromBytes(in.readBytes()),
        DistinctCountCombiner.fromBytes(in.readBytes()), TopValuesCombiner.fromBytes(in.readBytes()),
        StringLengthCombiner.fromBytes(in.readBytes()));
    in.end();
    return c;
  }
}
