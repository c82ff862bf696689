package io.prodline.train.transform;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.frame.Float64Column;
import io.prodline.core.transform.BucketizeStep;
import io.prodline.data.stats.Quantile;
import io.prodline.data.stats.QuantileStatistics;
import io.prodline.data.stats.QuantilesCombiner;
import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link BucketizeStep} boundaries from a KLL sketch ({@link QuantilesCombiner}): for n buckets, the
 * quantiles at ranks 1/n, 2/n, ..., (n-1)/n of the finite training values, with duplicates dropped (so heavily
 * repeated values give fewer buckets). Each boundary's true rank is within the sketch's normalized rank error
 * (about 1.33% at k = 200) of the requested rank, with probability 99%.
 */
final class QuantilesAnalyzer implements NumericAnalyzer {
  private final String feature;
  private final int buckets;
  private final QuantilesCombiner quantiles;

  QuantilesAnalyzer(String feature, int buckets, int kllK) {
    this.feature = feature;
    this.buckets = buckets;
    this.quantiles = QuantilesCombiner.create(kllK, 1, buckets);
  }

  @Override
  public void add(double[] values) {
    quantiles.add(Float64Column.of(values));
  }

  @Override
  public void merge(NumericAnalyzer other) {
    quantiles.merge(((QuantilesAnalyzer) other).quantiles);
  }

  @Override
  public BucketizeStep result(double extraValue, long extraCount) {
    QuantilesCombiner all = QuantilesCombiner.fromBytes(quantiles.toBytes());
    RepeatedValues.add(extraValue, extraCount, all::add);
    QuantileStatistics stats = all.result();
    List<Quantile> q = stats.quantiles();
    if (q.isEmpty()) {
      throw new ProdlineException("feature '" + feature + "': bucketize needs at least one finite training value, "
          + "but there is none");
    }
    // q holds ranks 0, 1/n, ..., 1; the inner ones are the boundaries.
    double[] boundaries = new double[buckets - 1];
    int n = 0;
    for (int j = 1; j < buckets; j++) {
      double value = q.get(j).value();
      if (n == 0 || value > boundaries[n - 1]) {
        boundaries[n++] = value;
      }
    }
    return new BucketizeStep(Arrays.copyOf(boundaries, n));
  }
}
