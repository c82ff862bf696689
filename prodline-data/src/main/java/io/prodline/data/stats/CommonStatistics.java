package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How many rows of a feature hold a value and how many are missing (null), as row counts and as sums of example
 * weights (equal to the counts when there is no weight column). NaN is a value, not missing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CommonStatistics(
    long numNonMissing, long numMissing, double weightedNumNonMissing, double weightedNumMissing) {}
