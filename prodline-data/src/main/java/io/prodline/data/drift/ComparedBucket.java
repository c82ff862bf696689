package io.prodline.data.drift;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One bin of a numeric comparison with the share of each side's values in it (shares of a side sum to 1). A
 * bin is either a union-boundary bucket ({@code low_value, high_value]} (the first also holds its low value),
 * or a special value ({@code special}: nan, positive_infinity, negative_infinity), listed only when a side has
 * one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparedBucket(
    Double lowValue, Double highValue, SpecialValue special, double baseline, double current) {}
