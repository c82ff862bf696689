package io.prodline.data.stats;

import io.prodline.core.error.ProdlineException;
import java.util.Set;

/**
 * Configuration of a statistics pass, checked when built; {@link #defaults()} gives the TFDV-like defaults.
 *
 * @param kllK KLL quantile sketch parameter, 8..65535 (default 1024: rank error about 0.27%, and exact up to 1,024
 *     values, so small samples compare exactly)
 * @param histogramBuckets buckets of the equi-width histogram, 1..10000 (default 10)
 * @param quantileBuckets buckets of the quantile histogram, 1..10000 (default 10)
 * @param topK top values reported per string feature, 1..100000 (default 20)
 * @param frequentItemsMapSize frequent-items sketch map size, a power of 2 in 8..2^26 (default 1024: exact
 *     counts for up to 768 distinct values)
 * @param hllLgK log2 of the HLL bucket count for distinct counts, 4..21 (default 12: about 1.6% error)
 * @param weightColumn numeric column of example weights, or null for weight 1
 * @param sliceColumn string, int64 or bool column whose values key per-slice statistics, or null for none
 * @param maxSlices most distinct slice values allowed, 1..100000 (default 1000), to keep memory bounded
 * @param categoricalColumns int64 columns whose values are labels (codes, ids, ratings), summarised like strings:
 *     distinct count, top values and lengths of their decimal text, no moments or quantiles (TFDV's
 *     {@code int_domain.is_categorical}); names of absent columns or of other types have no effect (default none)
 * @param threads worker threads, 1..1024 (default: available processors)
 */
public record StatisticsOptions(
    int kllK,
    int histogramBuckets,
    int quantileBuckets,
    int topK,
    int frequentItemsMapSize,
    int hllLgK,
    String weightColumn,
    String sliceColumn,
    int maxSlices,
    Set<String> categoricalColumns,
    int threads) {

  public StatisticsOptions {
    checkRange("kll_k", kllK, 8, 65535);
    checkRange("histogram_buckets", histogramBuckets, 1, 10_000);
    checkRange("quantile_buckets", quantileBuckets, 1, 10_000);
    checkRange("top_k", topK, 1, 100_000);
    checkPowerOfTwo("frequent_items_map_size", frequentItemsMapSize, 8, 1 << 26);
    checkRange("hll_lg_k", hllLgK, 4, 21);
    checkRange("max_slices", maxSlices, 1, 100_000);
    checkRange("threads", threads, 1, 1024);
    categoricalColumns = categoricalColumns == null ? Set.of() : Set.copyOf(categoricalColumns);
    if (weightColumn != null && weightColumn.equals(sliceColumn)) {
      throw new ProdlineException("statistics option weight_column and slice_column are both '" + weightColumn
          + "'; a slice column must be categorical and a weight column numeric");
    }
  }

  public static StatisticsOptions defaults() {
    return new StatisticsOptions(1024, 10, 10, 20, 1024, 12, null, null, 1000, Set.of(),
        Runtime.getRuntime().availableProcessors());
  }

  public StatisticsOptions withKllK(int k) {
    return new StatisticsOptions(k, histogramBuckets, quantileBuckets, topK, frequentItemsMapSize, hllLgK,
        weightColumn, sliceColumn, maxSlices, categoricalColumns, threads);
  }

  public StatisticsOptions withWeightColumn(String column) {
    return new StatisticsOptions(kllK, histogramBuckets, quantileBuckets, topK, frequentItemsMapSize, hllLgK,
        column, sliceColumn, maxSlices, categoricalColumns, threads);
  }

  public StatisticsOptions withSliceColumn(String column) {
    return new StatisticsOptions(kllK, histogramBuckets, quantileBuckets, topK, frequentItemsMapSize, hllLgK,
        weightColumn, column, maxSlices, categoricalColumns, threads);
  }

  public StatisticsOptions withThreads(int count) {
    return new StatisticsOptions(kllK, histogramBuckets, quantileBuckets, topK, frequentItemsMapSize, hllLgK,
        weightColumn, sliceColumn, maxSlices, categoricalColumns, count);
  }

  public StatisticsOptions withCategoricalColumns(Set<String> columns) {
    return new StatisticsOptions(kllK, histogramBuckets, quantileBuckets, topK, frequentItemsMapSize, hllLgK,
        weightColumn, sliceColumn, maxSlices, columns, threads);
  }

  /** Throws a {@link ProdlineException} naming the option, the value and the range unless min <= value <= max. */
  static void checkRange(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ProdlineException("statistics option " + option + " is " + value + "; it must be between "
          + min + " and " + max);
    }
  }

  /** As {@link #checkRange}, and the value must also be a power of 2. */
  static void checkPowerOfTwo(String option, int value, int min, int max) {
    checkRange(option, value, min, max);
    if (Integer.bitCount(value) != 1) {
      throw new ProdlineException("statistics option " + option + " is " + value + "; it must be a power of 2");
    }
  }
}
