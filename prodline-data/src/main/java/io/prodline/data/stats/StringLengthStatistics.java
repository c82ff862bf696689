package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Lengths of the non-null values of a string feature in Unicode code points, unweighted; all null when the
 * feature has no value. Exact.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StringLengthStatistics(Double avgLength, Long minLength, Long maxLength) {}
