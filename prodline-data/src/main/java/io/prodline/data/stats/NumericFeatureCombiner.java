package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/** Presence, moments and quantiles of one float64 or int64 feature. */
public final class NumericFeatureCombiner implements FeatureCombiner {
  private static final int VERSION = 1;

  private final String name;
  private final ColumnType type;
  private final PresenceCombiner presence;
  private final MomentsCombiner moments;
  private final QuantilesCombiner quantiles;

  private NumericFeatureCombiner(String name, ColumnType type, PresenceCombiner presence, MomentsCombiner moments,
      QuantilesCombiner quantiles) {
    this.name = name;
    this.type = type;
    this.presence = presence;
    this.moments = moments;
    this.quantiles = quantiles;
  }

  public static NumericFeatureCombiner create(String name, ColumnType type, StatisticsOptions options) {
    if (type != ColumnType.FLOAT64 && type != ColumnType.INT64) {
      throw new IllegalArgumentException("feature '" + name + "' is " + type.fileName() + ", not numeric");
    }
    return new NumericFeatureCombiner(name, type, PresenceCombiner.create(), MomentsCombiner.create(),
        QuantilesCombiner.create(options.kllK(), options.histogramBuckets(), options.quantileBuckets()));
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
    NumericValues values = NumericValues.of(column, weights);
    moments.add(values);
    quantiles.add(values);
  }

  @Override
  public void merge(FeatureCombiner other) {
    NumericFeatureCombiner that = FeatureCombiner.sameFeature(this, other, NumericFeatureCombiner.class);
    presence.merge(that.presence);
    moments.merge(that.moments);
    quantiles.merge(that.quantiles);
  }

  @Override
  public FeatureStatistics result() {
    return new FeatureStatistics(name, type, presence.result(),
        new NumericStatistics(moments.result(), quantiles.result()), null, null);
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.NUMERIC_FEATURE, VERSION)
        .writeString(name).writeString(type.fileName())
        .writeBytes(presence.toBytes()).writeBytes(moments.toBytes()).writeBytes(quantiles.toBytes())
        .toByteArray();
  }

  public static NumericFeatureCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.NUMERIC_FEATURE, VERSION);
    NumericFeatureCombiner c = new NumericFeatureCombiner(in.readString(), ColumnType.fromFileName(in.readString()),
        PresenceCombiner.fromBytes(in.readBytes()), MomentsCombiner.fromBytes(in.readBytes()),
        QuantilesCombiner.fromBytes(in.readBytes()));
    in.end();
    return c;
  }
}
