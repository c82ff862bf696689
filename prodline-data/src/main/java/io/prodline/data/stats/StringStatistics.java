package io.prodline.data.stats;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Statistics of a string feature: sketched distinct count and top values, exact lengths. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StringStatistics(
    DistinctStatistics distinct, TopValuesStatistics topValues, StringLengthStatistics lengths) {}
