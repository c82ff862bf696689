package io.prodline.data.stats;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnType;

/** Presence and true count of one bool feature. */
public final class BoolFeatureCombiner implements FeatureCombiner {
  private static final int VERSION = 1;

  private final String name;
  private final PresenceCombiner presence;
  private final BoolCountsCombiner counts;

  private BoolFeatureCombiner(String name, PresenceCombiner presence, BoolCountsCombiner counts) {
    this.name = name;
    this.presence = presence;
    this.counts = counts;
  }

  public static BoolFeatureCombiner create(String name) {
    return new BoolFeatureCombiner(name, PresenceCombiner.create(), BoolCountsCombiner.create());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.BOOL;
  }

  @Override
  public void add(Column column, Weights weights) {
    presence.add(column, weights);
    counts.add(column, weights);
  }

  @Override
  public void merge(FeatureCombiner other) {
    BoolFeatureCombiner that = FeatureCombiner.sameFeature(this, other, BoolFeatureCombiner.class);
    presence.merge(that.presence);
    counts.merge(that.counts);
  }

  @Override
  public FeatureStatistics result() {
    return new FeatureStatistics(name, ColumnType.BOOL, presence.result(), null, null, counts.result());
  }

  @Override
  public byte[] toBytes() {
    return StatisticBytes.writer(StatisticFormat.BOOL_FEATURE, VERSION)
        .writeString(name).writeBytes(presence.toBytes()).writeBytes(counts.toBytes()).toByteArray();
  }

  public static BoolFeatureCombiner fromBytes(byte[] bytes) {
    StatisticBytes.Reader in = StatisticBytes.reader(bytes, StatisticFormat.BOOL_FEATURE, VERSION);
    BoolFeatureCombiner c = new BoolFeatureCombiner(in.readString(), PresenceCombiner.fromBytes(in.readBytes()),
        BoolCountsCombiner.fromBytes(in.readBytes()));
    in.end();
    return c;
  }
}
