package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The number of distinct values of a string feature, estimated by an HLL sketch of {@code 2^lgK} buckets.
 *
 * <p>{@code lowerBound} and {@code upperBound} bracket the true count with about 95.4% confidence (two standard
 * deviations); {@code relativeStandardError} is the sketch's nominal error, 1.04/sqrt(2^lgK) (1.6% for lgK =
 * 12). The estimate is exact in practice while the sketch is in its sparse mode (small cardinalities).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DistinctStatistics(
    long estimate, double lowerBound, double upperBound, int lgK, double relativeStandardError) {}
