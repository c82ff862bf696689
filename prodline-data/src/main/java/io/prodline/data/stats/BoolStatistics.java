package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** How many non-null values of a bool feature are true, as a row count and as a sum of weights. Exact. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BoolStatistics(long numTrue, double weightedNumTrue) {}
