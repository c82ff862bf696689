package io.prodline.data.stats;

/**
 * The id of every statistics byte format, written as the first two bytes of each {@link Combiner#toBytes()},
 * followed by a two-byte version. Ids are never reused; a new layout of the same statistic keeps its id and
 * bumps the version that its combiner writes.
 */
public enum StatisticFormat {
  PRESENCE(1),
  MOMENTS(2),
  QUANTILES(3),
  DISTINCT(4),
  TOP_VALUES(5),
  STRING_LENGTH(6),
  BOOL_COUNTS(7),
  NUMERIC_FEATURE(8),
  STRING_FEATURE(9),
  BOOL_FEATURE(10),
  DATASET(11),
  SLICED_DATASET(12);

  private final int id;

  StatisticFormat(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The format with that id, or null. */
  static StatisticFormat byId(int id) {
    for (StatisticFormat f : values()) {
      if (f.id == id) {
        return f;
      }
    }
    return null;
  }
}
