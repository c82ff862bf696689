package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Comparison of a numeric feature's two distributions; definitions in {@code docs/validation.md}.
 *
 * @param jensenShannonDivergence base-2 JS divergence over {@code bins}, in [0, 1]
 * @param populationStabilityIndex PSI over {@code bins}, epsilon 1e-4, natural log
 * @param kolmogorovSmirnov KS test of the finite values; null when a side has none
 * @param wasserstein Wasserstein-1 distance of the finite values; null when a side has none
 * @param bins union-boundary buckets then special values, with each side's share
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NumericComparison(
    double jensenShannonDivergence,
    double populationStabilityIndex,
    @JsonInclude(JsonInclude.Include.NON_NULL) KolmogorovSmirnovResult kolmogorovSmirnov,
    @JsonInclude(JsonInclude.Include.NON_NULL) WassersteinResult wasserstein,
    List<ComparedBucket> bins) {

  public NumericComparison {
    bins = List.copyOf(bins);
  }
}
