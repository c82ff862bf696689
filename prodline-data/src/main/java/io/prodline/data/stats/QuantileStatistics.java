package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Quantiles and histograms of the finite values of a numeric feature, from a KLL sketch; unweighted.
 *
 * <p>Error bounds (99% confidence): the true normalized rank of each reported quantile value is within
 * {@code normalizedRankError} of the requested rank. Each histogram bucket's sample count is within
 * {@code pmfNormalizedRankError * n} of the true count, n being the number of finite values. Both are exact
 * (error 0 in practice) while the sketch has not yet compacted, i.e. for small inputs.
 *
 * @param k the KLL accuracy parameter
 * @param quantiles values at ranks 0, 1/B, ..., 1 for B quantile buckets (inclusive rank definition)
 * @param equiWidthHistogram buckets of equal width between min and max (fewer if the range is too narrow to
 *     split in floating point, a single bucket when min = max)
 * @param quantileHistogram the B buckets between consecutive {@code quantiles}, each holding n/B samples
 * @param cdf the sketch's CDF as steps, what comparisons of two data sets read (Kolmogorov–Smirnov,
 *     Wasserstein); null when there is no finite value
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record QuantileStatistics(
    int k,
    double normalizedRankError,
    double pmfNormalizedRankError,
    Double median,
    List<Quantile> quantiles,
    List<HistogramBucket> equiWidthHistogram,
    List<HistogramBucket> quantileHistogram,
    CumulativeCounts cdf) {

  public QuantileStatistics {
    if (cdf == null && median != null) {
      // Comparisons read the steps; a file from before they were written would fail there instead, unexplained.
      throw new IllegalArgumentException("a numeric feature's quantiles have no 'cdf' (statistics written by an "
          + "earlier prodline); compute them again with prodline data stats");
    }
    quantiles = List.copyOf(quantiles);
    equiWidthHistogram = List.copyOf(equiWidthHistogram);
    quantileHistogram = List.copyOf(quantileHistogram);
  }
}
